// C helpers for the Signing target: OpenSSL's stacks and macros, the CMS signer that PAdES
// needs, RFC 3161 requests and tokens.
// Every function returning an object hands it to the caller, who frees it once (Swift's deinit).
#ifndef SARABAN_CSIGNING_H
#define SARABAN_CSIGNING_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

/// OpenSSL's queued errors as one line (cleared), at most `length` bytes with the NUL.
void saraban_crypto_errors(char *buffer, size_t length);
void saraban_crypto_clear_errors(void);
/// Frees memory OpenSSL allocated.
void saraban_crypto_free(void *p);

// MARK: certificates and keys

/// Certificates from PEM (all of them) or DER (one); returns how many were put in `out`.
int saraban_x509_read(const unsigned char *data, size_t length, X509 **out, int capacity);
/// A private key from PEM or DER; `password` may be NULL (never prompts).
EVP_PKEY *saraban_key_read(const unsigned char *data, size_t length, const char *password);
/// Whether the key is the certificate's.
int saraban_key_matches(X509 *cert, EVP_PKEY *key);
/// 1 RSA, 2 EC on P-256, 3 other EC, 0 anything else.
int saraban_key_kind(EVP_PKEY *key);

/// Reads a PKCS#12 file. Returns 0 on success, 1 wrong password, 2 not PKCS#12, 3 no key or
/// certificate in it, 4 another failure. Legacy (RC2/3DES) files load OpenSSL's legacy provider.
int saraban_pkcs12_read(const unsigned char *data, size_t length, const char *password,
                        EVP_PKEY **key, X509 **cert, X509 **chain, int capacity, int *chain_count);

/// The subject (`subject` 1) or issuer as RFC 2253 text in UTF-8; the length written.
size_t saraban_x509_name(X509 *cert, int subject, char *buffer, size_t length);
/// The subject's common name in UTF-8 (BMPString and others converted); the length written.
size_t saraban_x509_common_name(X509 *cert, char *buffer, size_t length);
/// notBefore and notAfter as seconds since 1970.
int saraban_x509_validity(X509 *cert, int64_t *not_before, int64_t *not_after);
/// The keyUsage bits (X509v3 KU_*), or -1 when the certificate has no keyUsage extension.
long saraban_x509_key_usage(X509 *cert);
/// The certificate's DER; free with saraban_crypto_free.
int saraban_x509_der(X509 *cert, unsigned char **out);

/// SHA-256 of `data` into `out` (32 bytes).
int saraban_sha256(const unsigned char *data, size_t length, unsigned char *out);

// MARK: CMS for PAdES

/// A detached CMS SignedData over content whose SHA-256 is `digest`: signed attributes
/// content-type, message-digest and signing-certificate-v2 (no signing-time: PAdES puts the
/// time in the signature dictionary), the certificate and `chain` embedded.
CMS_ContentInfo *saraban_cms_sign(X509 *cert, EVP_PKEY *key, X509 **chain, int chain_count,
                                  const unsigned char *digest, size_t digest_length);
/// The first signer's signature value (borrowed from the CMS object).
int saraban_cms_signature_value(CMS_ContentInfo *cms, const unsigned char **value, int *length);
/// Adds an RFC 3161 token as the first signer's signature-time-stamp unsigned attribute.
int saraban_cms_add_timestamp(CMS_ContentInfo *cms, const unsigned char *token, size_t length);
/// DER of the CMS object; free with saraban_crypto_free.
int saraban_cms_der(CMS_ContentInfo *cms, unsigned char **out);
CMS_ContentInfo *saraban_cms_read(const unsigned char *data, size_t length);
/// The number of signers.
int saraban_cms_signer_count(CMS_ContentInfo *cms);
/// 1 when the content and signed attributes verify against the embedded signer certificate.
int saraban_cms_verify_detached(CMS_ContentInfo *cms, const unsigned char *content, size_t length);
/// The first signer's certificate (after verification found it), up-referenced.
X509 *saraban_cms_signer(CMS_ContentInfo *cms);
/// The embedded certificates, each up-referenced; returns the count put in `out`.
int saraban_cms_certificates(CMS_ContentInfo *cms, X509 **out, int capacity);
/// Whether the first signer has the signed attribute `nid`.
int saraban_cms_has_signed_attribute(CMS_ContentInfo *cms, int nid);
/// 1 when signing-certificate-v2 names `signer`, 0 when it names another, -1 when absent.
int saraban_cms_check_signing_certificate(CMS_ContentInfo *cms, X509 *signer);
/// The first signer's time-stamp token DER; free with saraban_crypto_free. 0 when none.
int saraban_cms_timestamp_token(CMS_ContentInfo *cms, unsigned char **out);

// MARK: chains and time-stamps

/// Verifies `leaf` up to one of `roots` through `untrusted`, at `at_time` (seconds; 0 now).
/// Returns 1 trusted, 0 not (the reason in `reason`).
int saraban_verify_chain(X509 *leaf, X509 **untrusted, int untrusted_count, X509 **roots, int root_count,
                         int64_t at_time, char *reason, size_t reason_length);
/// An RFC 3161 request for a SHA-256 digest with a nonce, asking for the TSA's certificate.
int saraban_ts_request(const unsigned char *digest, size_t digest_length, uint64_t nonce, unsigned char **out);
/// From a TSA's response to `request`: 0 and the token DER when granted and its imprint, nonce
/// and version match; 1 not granted (status text in `reason`); 2 not a time-stamp response;
/// 3 it does not answer the request.
int saraban_ts_response_token(const unsigned char *response, size_t length, const unsigned char *request,
                              size_t request_length, unsigned char **token, int *token_length,
                              char *reason, size_t reason_length);
/// A token's time (seconds since 1970) and whether it stamps `value` (its imprint matches).
/// Returns 0 when the token cannot be read.
int saraban_ts_token_time(const unsigned char *token, size_t length, const unsigned char *value, size_t value_length,
                          int64_t *time, int *matches);
/// 1 when the token's signature verifies and its TSA chains to one of `roots`.
int saraban_ts_token_trusted(const unsigned char *token, size_t length, X509 **roots, int root_count,
                             char *reason, size_t reason_length);

// MARK: HTTP

/// POSTs `body` to `url` (http or https only) through libcurl, loaded on first use. Returns 0 and
/// the answer (free with free(); `status` its HTTP status), 1 when libcurl is not installed,
/// 2 when the request failed (the reason in `reason`), 3 when the answer exceeds `limit` bytes.
int saraban_http_post(const char *url, const unsigned char *body, size_t length, const char *content_type,
                      long timeout, size_t limit, unsigned char **out, size_t *out_length, long *status,
                      char *reason, size_t reason_length);

#endif
