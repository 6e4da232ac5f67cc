/** A photo picked on the phone, not uploaded yet. */
export interface PickedPhoto {
  /** A temporary path (weapp) or blob: URL (h5) to show while uploading. */
  path: string;
  /** h5 only: the File the browser's file picker gave. */
  file?: File;
}

/** What uploadPhoto answered: the id to attach to a step and the URL to fetch it from. */
export interface UploadedPhoto {
  id: number;
  url: string;
  /** Its small copy; absent in drafts saved before previews existed. */
  previewUrl?: string;
}
