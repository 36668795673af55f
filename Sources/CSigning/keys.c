// Certificates, keys and PKCS#12 through OpenSSL.
#include "csigning.h"
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

void saraban_crypto_errors(char *buffer, size_t length) {
    if (length == 0) return;
    buffer[0] = 0;
    size_t used = 0;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char one[256];
        ERR_error_string_n(e, one, sizeof one);
        size_t n = strlen(one);
        if (used > 0 && used + 2 < length) { memcpy(buffer + used, "; ", 2); used += 2; }
        if (used + n >= length) n = length - used - 1;
        memcpy(buffer + used, one, n);
        used += n;
        buffer[used] = 0;
    }
}

void saraban_crypto_clear_errors(void) { ERR_clear_error(); }

void saraban_crypto_free(void *p) { OPENSSL_free(p); }

int saraban_x509_read(const unsigned char *data, size_t length, X509 **out, int capacity) {
    int count = 0;
    BIO *bio = BIO_new_mem_buf(data, (int)length);
    if (bio == NULL) return 0;
    X509 *x;
    while (count < capacity && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) out[count++] = x;
    BIO_free(bio);
    if (count == 0 && capacity > 0) {
        const unsigned char *p = data;
        x = d2i_X509(NULL, &p, (long)length);
        if (x != NULL) out[count++] = x;
    }
    // The PEM reader ends on "no start line": not an error when something was read.
    if (count > 0) ERR_clear_error();
    return count;
}

/// Answers OpenSSL's password question with the given password, or with none: never a prompt.
static int given_password(char *buf, int size, int rwflag, void *u) {
    (void)rwflag;
    if (u == NULL) return 0;
    size_t n = strlen((const char *)u);
    if (n > (size_t)size) n = (size_t)size;
    memcpy(buf, u, n);
    return (int)n;
}

EVP_PKEY *saraban_key_read(const unsigned char *data, size_t length, const char *password) {
    BIO *bio = BIO_new_mem_buf(data, (int)length);
    if (bio == NULL) return NULL;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, given_password, (void *)password);
    BIO_free(bio);
    if (key == NULL) {
        const unsigned char *p = data;
        key = d2i_AutoPrivateKey(NULL, &p, (long)length);
    }
    return key;
}

int saraban_key_matches(X509 *cert, EVP_PKEY *key) {
    int ok = X509_check_private_key(cert, key);
    ERR_clear_error();
    return ok == 1;
}

int saraban_key_kind(EVP_PKEY *key) {
    if (EVP_PKEY_is_a(key, "RSA")) return 1;
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {0};
        size_t n = 0;
        if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &n) == 1 && strcmp(group, "prime256v1") == 0) return 2;
        return 3;
    }
    return 0;
}

static pthread_once_t legacy_once = PTHREAD_ONCE_INIT;

/// OpenSSL 3 moved RC2 and single DES to the legacy provider; PKCS#12 files from older tools
/// (and many CAs) encrypt with RC2-40 or 3DES. Loaded once, keeping the default provider.
static void load_legacy(void) {
    OSSL_PROVIDER_try_load(NULL, "legacy", 1);
    ERR_clear_error();
}

int saraban_pkcs12_read(const unsigned char *data, size_t length, const char *password,
                        EVP_PKEY **key, X509 **cert, X509 **chain, int capacity, int *chain_count) {
    *key = NULL; *cert = NULL; *chain_count = 0;
    const unsigned char *p = data;
    PKCS12 *p12 = d2i_PKCS12(NULL, &p, (long)length);
    if (p12 == NULL) return 2;
    if (PKCS12_mac_present(p12) && !PKCS12_verify_mac(p12, password, -1)) {
        PKCS12_free(p12);
        return 1;
    }
    pthread_once(&legacy_once, load_legacy);
    STACK_OF(X509) *ca = NULL;
    int ok = PKCS12_parse(p12, password, key, cert, &ca);
    PKCS12_free(p12);
    if (!ok) return 4;
    for (int i = 0; i < sk_X509_num(ca); i++) {
        X509 *x = sk_X509_value(ca, i);
        if (*chain_count < capacity) { X509_up_ref(x); chain[(*chain_count)++] = x; }
    }
    sk_X509_pop_free(ca, X509_free);
    if (*key == NULL || *cert == NULL) {
        EVP_PKEY_free(*key); X509_free(*cert);
        for (int i = 0; i < *chain_count; i++) X509_free(chain[i]);
        *key = NULL; *cert = NULL; *chain_count = 0;
        return 3;
    }
    return 0;
}

static size_t bio_text(BIO *bio, char *buffer, size_t length) {
    if (length == 0) return 0;
    int n = BIO_read(bio, buffer, (int)length - 1);
    if (n < 0) n = 0;
    buffer[n] = 0;
    return (size_t)n;
}

size_t saraban_x509_name(X509 *cert, int subject, char *buffer, size_t length) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) return 0;
    X509_NAME *name = subject ? X509_get_subject_name(cert) : X509_get_issuer_name(cert);
    // RFC 2253 order, but UTF-8 kept as it is (not escaped byte by byte): Thai names print.
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    size_t n = bio_text(bio, buffer, length);
    BIO_free(bio);
    return n;
}

size_t saraban_x509_common_name(X509 *cert, char *buffer, size_t length) {
    if (length == 0) return 0;
    buffer[0] = 0;
    X509_NAME *name = X509_get_subject_name(cert);
    int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (at < 0) return 0;
    unsigned char *utf8 = NULL;
    int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0) return 0;
    size_t m = (size_t)n < length - 1 ? (size_t)n : length - 1;
    memcpy(buffer, utf8, m);
    buffer[m] = 0;
    OPENSSL_free(utf8);
    return m;
}

static int time_seconds(const ASN1_TIME *t, int64_t *out) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (t == NULL || !ASN1_TIME_to_tm(t, &tm)) return 0;
    *out = (int64_t)timegm(&tm);
    return 1;
}

int saraban_x509_validity(X509 *cert, int64_t *not_before, int64_t *not_after) {
    return time_seconds(X509_get0_notBefore(cert), not_before) && time_seconds(X509_get0_notAfter(cert), not_after);
}

long saraban_x509_key_usage(X509 *cert) {
    uint32_t usage = X509_get_key_usage(cert);
    return usage == UINT32_MAX ? -1 : (long)usage;
}

int saraban_x509_der(X509 *cert, unsigned char **out) {
    *out = NULL;
    return i2d_X509(cert, out);
}

int saraban_sha256(const unsigned char *data, size_t length, unsigned char *out) {
    unsigned int n = 0;
    return EVP_Digest(data, length, out, &n, EVP_sha256(), NULL) == 1 && n == 32;
}
