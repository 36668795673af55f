// CMS SignedData for PAdES (ETSI.CAdES.detached) through OpenSSL.
#include "csigning.h"
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/pkcs7.h>
#include <string.h>

static CMS_SignerInfo *first_signer(CMS_ContentInfo *cms) {
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms);
    return sk_CMS_SignerInfo_num(signers) > 0 ? sk_CMS_SignerInfo_value(signers, 0) : NULL;
}

/// Signs the signer info's signed attributes. OpenSSL's own CMS_SignerInfo_sign always adds a
/// signing-time attribute, which PAdES forbids; the attributes are DER-encoded here as the SET
/// OF that is signed (PKCS7_ATTR_SIGN: OpenSSL's own template, sorted as DER wants) and the
/// signature is made with EVP_DigestSign.
static int sign_attributes(CMS_SignerInfo *si, EVP_PKEY *key) {
    STACK_OF(X509_ATTRIBUTE) *attributes = sk_X509_ATTRIBUTE_new_null();
    if (attributes == NULL) return 0;
    for (int i = 0; i < CMS_signed_get_attr_count(si); i++) {
        if (!sk_X509_ATTRIBUTE_push(attributes, CMS_signed_get_attr(si, i))) { sk_X509_ATTRIBUTE_free(attributes); return 0; }
    }
    unsigned char *der = NULL;
    int der_length = ASN1_item_i2d((ASN1_VALUE *)attributes, &der, ASN1_ITEM_rptr(PKCS7_ATTR_SIGN));
    // The stack only borrowed the attributes.
    sk_X509_ATTRIBUTE_free(attributes);
    if (der_length <= 0) return 0;
    int ok = 0;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t length = 0;
    unsigned char *signature = NULL;
    if (md != NULL && EVP_DigestSignInit_ex(md, NULL, "SHA256", NULL, NULL, key, NULL) == 1
        && EVP_DigestSign(md, NULL, &length, der, (size_t)der_length) == 1
        && (signature = OPENSSL_malloc(length)) != NULL
        && EVP_DigestSign(md, signature, &length, der, (size_t)der_length) == 1) {
        ASN1_STRING_set0(CMS_SignerInfo_get0_signature(si), signature, (int)length);
        signature = NULL;
        ok = 1;
    }
    OPENSSL_free(signature);
    OPENSSL_free(der);
    EVP_MD_CTX_free(md);
    return ok;
}

CMS_ContentInfo *saraban_cms_sign(X509 *cert, EVP_PKEY *key, X509 **chain, int chain_count,
                                  const unsigned char *digest, size_t digest_length) {
    unsigned int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CMS_ContentInfo *cms = CMS_sign(NULL, NULL, NULL, NULL, flags);
    if (cms == NULL) return NULL;
    // CMS_CADES adds signing-certificate-v2 (the certificate's SHA-256 and issuer/serial).
    CMS_SignerInfo *si = CMS_add1_signer(cms, cert, key, EVP_sha256(), flags | CMS_CADES);
    int ok = si != NULL;
    for (int i = 0; ok && i < chain_count; i++) ok = CMS_add1_cert(cms, chain[i]) > 0;
    ok = ok && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1);
    ok = ok && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest, (int)digest_length);
    ok = ok && sign_attributes(si, key);
    if (!ok) { CMS_ContentInfo_free(cms); return NULL; }
    return cms;
}

int saraban_cms_signature_value(CMS_ContentInfo *cms, const unsigned char **value, int *length) {
    CMS_SignerInfo *si = first_signer(cms);
    if (si == NULL) return 0;
    ASN1_OCTET_STRING *s = CMS_SignerInfo_get0_signature(si);
    *value = ASN1_STRING_get0_data(s);
    *length = ASN1_STRING_length(s);
    return 1;
}

int saraban_cms_add_timestamp(CMS_ContentInfo *cms, const unsigned char *token, size_t length) {
    CMS_SignerInfo *si = first_signer(cms);
    if (si == NULL) return 0;
    ASN1_STRING *sequence = ASN1_STRING_new();
    if (sequence == NULL) return 0;
    int ok = ASN1_STRING_set(sequence, token, (int)length)
        && CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, sequence, -1);
    ASN1_STRING_free(sequence);
    return ok;
}

int saraban_cms_der(CMS_ContentInfo *cms, unsigned char **out) {
    *out = NULL;
    return i2d_CMS_ContentInfo(cms, out);
}

CMS_ContentInfo *saraban_cms_read(const unsigned char *data, size_t length) {
    const unsigned char *p = data;
    return d2i_CMS_ContentInfo(NULL, &p, (long)length);
}

int saraban_cms_signer_count(CMS_ContentInfo *cms) {
    return sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms));
}

int saraban_cms_verify_detached(CMS_ContentInfo *cms, const unsigned char *content, size_t length) {
    BIO *data = BIO_new_mem_buf(content, (int)length);
    if (data == NULL) return 0;
    int ok = CMS_verify(cms, NULL, NULL, data, NULL, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY);
    BIO_free(data);
    return ok == 1;
}

X509 *saraban_cms_signer(CMS_ContentInfo *cms) {
    CMS_SignerInfo *si = first_signer(cms);
    if (si == NULL) return NULL;
    X509 *signer = NULL;
    CMS_SignerInfo_get0_algs(si, NULL, &signer, NULL, NULL);
    if (signer == NULL) {
        STACK_OF(X509) *certs = CMS_get1_certs(cms);
        for (int i = 0; i < sk_X509_num(certs) && signer == NULL; i++)
            if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs, i)) == 0) signer = sk_X509_value(certs, i);
        if (signer != NULL) X509_up_ref(signer);
        sk_X509_pop_free(certs, X509_free);
        return signer;
    }
    X509_up_ref(signer);
    return signer;
}

int saraban_cms_certificates(CMS_ContentInfo *cms, X509 **out, int capacity) {
    STACK_OF(X509) *certs = CMS_get1_certs(cms);
    int count = 0;
    for (int i = 0; i < sk_X509_num(certs) && count < capacity; i++) {
        X509 *x = sk_X509_value(certs, i);
        X509_up_ref(x);
        out[count++] = x;
    }
    sk_X509_pop_free(certs, X509_free);
    return count;
}

int saraban_cms_has_signed_attribute(CMS_ContentInfo *cms, int nid) {
    CMS_SignerInfo *si = first_signer(cms);
    return si != NULL && CMS_signed_get_attr_by_NID(si, nid, -1) >= 0;
}

int saraban_cms_check_signing_certificate(CMS_ContentInfo *cms, X509 *signer) {
    CMS_SignerInfo *si = first_signer(cms);
    if (si == NULL) return -1;
    ASN1_STRING *value = CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE);
    if (value == NULL) return -1;
    const unsigned char *p = ASN1_STRING_get0_data(value);
    ESS_SIGNING_CERT_V2 *v2 = d2i_ESS_SIGNING_CERT_V2(NULL, &p, ASN1_STRING_length(value));
    if (v2 == NULL) return 0;
    STACK_OF(X509) *chain = sk_X509_new_null();
    int ok = chain != NULL && sk_X509_push(chain, signer) && OSSL_ESS_check_signing_certs(NULL, v2, chain, 1) > 0;
    sk_X509_free(chain);
    ESS_SIGNING_CERT_V2_free(v2);
    ERR_clear_error();
    return ok ? 1 : 0;
}

int saraban_cms_timestamp_token(CMS_ContentInfo *cms, unsigned char **out) {
    *out = NULL;
    CMS_SignerInfo *si = first_signer(cms);
    if (si == NULL) return 0;
    int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (at < 0) return 0;
    ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
    if (value == NULL || value->type != V_ASN1_SEQUENCE) return 0;
    int length = ASN1_STRING_length(value->value.sequence);
    *out = OPENSSL_malloc((size_t)length);
    if (*out == NULL) return 0;
    memcpy(*out, ASN1_STRING_get0_data(value->value.sequence), (size_t)length);
    return length;
}
