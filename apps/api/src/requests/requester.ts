/** The person who raised the matter, as far as a view needs them. */
export interface Requester {
  name: string;
  phone: string | null;
}
