/** What GET /api/privacy answers: the privacy notice in plain-text sections. */
export interface PrivacyNotice {
  readonly version: string;
  readonly title: string;
  readonly controller: readonly string[];
  readonly sections: readonly { readonly heading: string; readonly text: string }[];
}

/** What DELETE /api/me answers. */
export interface DeletedMyData {
  readonly deleted: true;
}
