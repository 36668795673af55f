// Certificate chains and RFC 3161 time-stamps through OpenSSL.
#include "csigning.h"
#include <openssl/err.h>
#include <openssl/ts.h>
#include <openssl/x509_vfy.h>
#include <string.h>
#include <time.h>

static void copy_text(const char *text, char *buffer, size_t length) {
    if (length == 0) return;
    size_t n = strlen(text);
    if (n >= length) n = length - 1;
    memcpy(buffer, text, n);
    buffer[n] = 0;
}

static X509_STORE *store_of(X509 **roots, int count) {
    X509_STORE *store = X509_STORE_new();
    for (int i = 0; store != NULL && i < count; i++) X509_STORE_add_cert(store, roots[i]);
    return store;
}

static STACK_OF(X509) *stack_of(X509 **certs, int count) {
    STACK_OF(X509) *stack = sk_X509_new_null();
    for (int i = 0; stack != NULL && i < count; i++) sk_X509_push(stack, certs[i]);
    return stack;
}

int saraban_verify_chain(X509 *leaf, X509 **untrusted, int untrusted_count, X509 **roots, int root_count,
                         int64_t at_time, char *reason, size_t reason_length) {
    copy_text("", reason, reason_length);
    X509_STORE *store = store_of(roots, root_count);
    STACK_OF(X509) *chain = stack_of(untrusted, untrusted_count);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    int ok = 0;
    if (store != NULL && chain != NULL && ctx != NULL && X509_STORE_CTX_init(ctx, store, leaf, chain) == 1) {
        if (at_time != 0) X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), (time_t)at_time);
        ok = X509_verify_cert(ctx) == 1;
        if (!ok) copy_text(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)), reason, reason_length);
    }
    X509_STORE_CTX_free(ctx);
    sk_X509_free(chain);
    X509_STORE_free(store);
    ERR_clear_error();
    return ok;
}

int saraban_ts_request(const unsigned char *digest, size_t digest_length, uint64_t nonce, unsigned char **out) {
    *out = NULL;
    TS_REQ *request = TS_REQ_new();
    TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new();
    X509_ALGOR *algorithm = X509_ALGOR_new();
    ASN1_INTEGER *number = ASN1_INTEGER_new();
    int length = 0;
    if (request != NULL && imprint != NULL && algorithm != NULL && number != NULL
        && X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL)
        && TS_MSG_IMPRINT_set_algo(imprint, algorithm)
        && TS_MSG_IMPRINT_set_msg(imprint, (unsigned char *)digest, (int)digest_length)
        && TS_REQ_set_version(request, 1)
        && TS_REQ_set_msg_imprint(request, imprint)
        && ASN1_INTEGER_set_uint64(number, nonce)
        && TS_REQ_set_nonce(request, number)
        && TS_REQ_set_cert_req(request, 1)) {
        length = i2d_TS_REQ(request, out);
    }
    ASN1_INTEGER_free(number);
    X509_ALGOR_free(algorithm);
    TS_MSG_IMPRINT_free(imprint);
    TS_REQ_free(request);
    return length > 0 ? length : 0;
}

int saraban_ts_response_token(const unsigned char *response, size_t length, const unsigned char *request,
                              size_t request_length, unsigned char **token, int *token_length,
                              char *reason, size_t reason_length) {
    *token = NULL; *token_length = 0;
    copy_text("", reason, reason_length);
    const unsigned char *p = response;
    TS_RESP *resp = d2i_TS_RESP(NULL, &p, (long)length);
    if (resp == NULL) { ERR_clear_error(); return 2; }
    TS_STATUS_INFO *status = TS_RESP_get_status_info(resp);
    long granted = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
    if (granted != 0 && granted != 1) {
        const STACK_OF(ASN1_UTF8STRING) *text = TS_STATUS_INFO_get0_text(status);
        char line[256] = "status ";
        snprintf(line, sizeof line, "status %ld%s%s", granted, sk_ASN1_UTF8STRING_num(text) > 0 ? ": " : "",
                 sk_ASN1_UTF8STRING_num(text) > 0 ? (const char *)ASN1_STRING_get0_data(sk_ASN1_UTF8STRING_value(text, 0)) : "");
        copy_text(line, reason, reason_length);
        TS_RESP_free(resp);
        return 1;
    }
    p = request;
    TS_REQ *req = d2i_TS_REQ(NULL, &p, (long)request_length);
    TS_VERIFY_CTX *ctx = req != NULL ? TS_REQ_to_TS_VERIFY_CTX(req, NULL) : NULL;
    int result = 3;
    if (ctx != NULL) {
        // The imprint, nonce and version must be the request's; the TSA's signature is checked
        // by whoever trusts the TSA (saraban verify, pyHanko), not here.
        TS_VERIFY_CTX_set_flags(ctx, TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
        if (TS_RESP_verify_response(ctx, resp) == 1) {
            int n = i2d_PKCS7(TS_RESP_get_token(resp), token);
            if (n > 0) { *token_length = n; result = 0; }
        } else {
            saraban_crypto_errors(reason, reason_length);
        }
    }
    TS_VERIFY_CTX_free(ctx);
    TS_REQ_free(req);
    TS_RESP_free(resp);
    ERR_clear_error();
    return result;
}

int saraban_ts_token_time(const unsigned char *token, size_t length, const unsigned char *value, size_t value_length,
                          int64_t *time, int *matches) {
    *time = 0; *matches = 0;
    const unsigned char *p = token;
    PKCS7 *pkcs7 = d2i_PKCS7(NULL, &p, (long)length);
    TS_TST_INFO *info = pkcs7 != NULL ? PKCS7_to_TS_TST_INFO(pkcs7) : NULL;
    int ok = 0;
    if (info != NULL) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        if (ASN1_TIME_to_tm(TS_TST_INFO_get_time(info), &tm)) { *time = (int64_t)timegm(&tm); ok = 1; }
        TS_MSG_IMPRINT *imprint = TS_TST_INFO_get_msg_imprint(info);
        const EVP_MD *md = EVP_get_digestbyobj(TS_MSG_IMPRINT_get_algo(imprint)->algorithm);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digest_length = 0;
        ASN1_OCTET_STRING *expected = TS_MSG_IMPRINT_get_msg(imprint);
        if (md != NULL && EVP_Digest(value, value_length, digest, &digest_length, md, NULL) == 1
            && (int)digest_length == ASN1_STRING_length(expected)
            && memcmp(digest, ASN1_STRING_get0_data(expected), digest_length) == 0) *matches = 1;
    }
    TS_TST_INFO_free(info);
    PKCS7_free(pkcs7);
    ERR_clear_error();
    return ok;
}

int saraban_ts_token_trusted(const unsigned char *token, size_t length, X509 **roots, int root_count,
                             char *reason, size_t reason_length) {
    copy_text("", reason, reason_length);
    const unsigned char *p = token;
    PKCS7 *pkcs7 = d2i_PKCS7(NULL, &p, (long)length);
    TS_VERIFY_CTX *ctx = TS_VERIFY_CTX_new();
    X509_STORE *store = store_of(roots, root_count);
    int ok = 0;
    if (pkcs7 != NULL && ctx != NULL && store != NULL) {
        TS_VERIFY_CTX_set_flags(ctx, TS_VFY_SIGNATURE);
        // The context frees the store.
        TS_VERIFY_CTX_set_store(ctx, store);
        store = NULL;
        ok = TS_RESP_verify_token(ctx, pkcs7) == 1;
        if (!ok) saraban_crypto_errors(reason, reason_length);
    }
    X509_STORE_free(store);
    TS_VERIFY_CTX_free(ctx);
    PKCS7_free(pkcs7);
    ERR_clear_error();
    return ok;
}
