/** The parts of a certificate of participation (an Open Badges 3.0 credential) that people read. */
export interface ParticipationCredential {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly validFrom: string;
  readonly issuer: { readonly id: string; readonly name: string; readonly url?: string };
  readonly credentialSubject: {
    readonly identifier?: readonly { readonly identityType: string; readonly hashed: boolean; readonly identityHash: string }[];
    readonly activityStartDate?: string;
    readonly activityEndDate?: string;
    readonly achievement: { readonly name: string; readonly description?: string; readonly criteria?: { readonly narrative?: string } };
  };
  readonly evidence?: readonly { readonly name: string; readonly genre?: string; readonly description?: string }[];
}

/** What a certificate check found. */
export type VerificationStatus = 'valid' | 'tampered' | 'revoked';

/** What POST /api/certificates/verify and GET /api/certificates/:id/verify answer. */
export interface Verification {
  readonly status: VerificationStatus;
  readonly message: string;
  readonly certificateId: string | null;
  readonly credential: ParticipationCredential | null;
  readonly revokedAt: number | null;
}

/** What POST /api/certificates/verify takes: a pasted signed certificate. */
export interface VerifyCertificateRequest {
  readonly jwt: string;
}

/** The signed-in person's certificate, as GET /api/certificates/mine hands it over. */
export interface MyCertificate {
  readonly id: string;
  readonly jwt: string;
  readonly credential: ParticipationCredential;
  readonly issuedAt: number;
  readonly pageUrl: string;
  readonly verifyUrl: string;
}
