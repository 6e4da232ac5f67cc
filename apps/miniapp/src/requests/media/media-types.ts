/** A file on the phone to upload: a photo picked, a voice note recorded. */
export interface LocalFile {
  /** A temporary path (weapp) or blob: URL (h5). */
  path: string;
  /** h5 only: the bytes (the File the picker gave, the recorder's Blob). */
  blob?: Blob;
  /** The name sent with the upload (the API reads the type from the content, never from this). */
  name: string;
}
