// The time-stamp request's HTTP POST through libcurl, opened with dlopen when a signature asks
// for a time-stamp: the program does not load libcurl and its twenty libraries at every start
// (Foundation's URLSession did). The option numbers are libcurl's stable ABI (curl/curl.h).
#include "csigning.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_TIMEOUT = 13,
    OPT_POSTFIELDS = 10015,
    OPT_USERAGENT = 10018,
    OPT_HTTPHEADER = 10023,
    OPT_POST = 47,
    OPT_CONNECTTIMEOUT = 78,
    OPT_NOSIGNAL = 99,
    OPT_POSTFIELDSIZE_LARGE = 30120,
    OPT_PROTOCOLS = 181,
    INFO_RESPONSE_CODE = 0x200002,
    PROTO_HTTP = 1,
    PROTO_HTTPS = 2,
    GLOBAL_DEFAULT = 3,
    ERROR_SIZE = 256,
};

typedef void CURL;
struct curl_slist;

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
} curl;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_load(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        lib = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
    }
    if (lib == NULL) {
        return;
    }
    *(void **)&curl.global_init = dlsym(lib, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(lib, "curl_easy_init");
    *(void **)&curl.easy_setopt = dlsym(lib, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(lib, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(lib, "curl_easy_getinfo");
    *(void **)&curl.easy_cleanup = dlsym(lib, "curl_easy_cleanup");
    *(void **)&curl.easy_strerror = dlsym(lib, "curl_easy_strerror");
    *(void **)&curl.slist_append = dlsym(lib, "curl_slist_append");
    *(void **)&curl.slist_free_all = dlsym(lib, "curl_slist_free_all");
    int complete = curl.global_init && curl.easy_init && curl.easy_setopt && curl.easy_perform && curl.easy_getinfo
        && curl.easy_cleanup && curl.easy_strerror && curl.slist_append && curl.slist_free_all;
    if (!complete) {
        return;
    }
    if (curl.global_init(GLOBAL_DEFAULT) != 0) {
        return;
    }
    curl.loaded = 1;
}

/// The answer grows here, refused past `limit` bytes.
struct answer {
    unsigned char *bytes;
    size_t count;
    size_t limit;
    int too_long;
};

static size_t answer_write(char *data, size_t size, size_t count, void *context) {
    struct answer *a = context;
    size_t n = size * count;
    if (a->count + n > a->limit) {
        a->too_long = 1;
        return 0;
    }
    unsigned char *grown = realloc(a->bytes, a->count + n);
    if (grown == NULL) {
        return 0;
    }
    a->bytes = grown;
    memcpy(a->bytes + a->count, data, n);
    a->count += n;
    return n;
}

int saraban_http_post(const char *url, const unsigned char *body, size_t length, const char *content_type,
                      long timeout, size_t limit, unsigned char **out, size_t *out_length, long *status,
                      char *reason, size_t reason_length) {
    *out = NULL;
    *out_length = 0;
    *status = 0;
    reason[0] = 0;
    pthread_once(&curl_once, curl_load);
    if (!curl.loaded) {
        return 1;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        snprintf(reason, reason_length, "libcurl could not start a request");
        return 2;
    }
    char header[128];
    snprintf(header, sizeof header, "Content-Type: %s", content_type);
    struct curl_slist *headers = curl.slist_append(NULL, header);
    headers = curl.slist_append(headers, "Expect:");
    char error[ERROR_SIZE];
    error[0] = 0;
    struct answer answer = { NULL, 0, limit, 0 };
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_POST, 1L);
    curl.easy_setopt(handle, OPT_POSTFIELDS, (const char *)body);
    curl.easy_setopt(handle, OPT_POSTFIELDSIZE_LARGE, (long long)length);
    curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_USERAGENT, "saraban");
    curl.easy_setopt(handle, OPT_TIMEOUT, timeout);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT, timeout);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, answer_write);
    curl.easy_setopt(handle, OPT_WRITEDATA, &answer);
    int code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, status);
    curl.easy_cleanup(handle);
    curl.slist_free_all(headers);
    if (answer.too_long) {
        free(answer.bytes);
        snprintf(reason, reason_length, "the answer is longer than %zu bytes", limit);
        return 3;
    }
    if (code != 0) {
        free(answer.bytes);
        snprintf(reason, reason_length, "%s", error[0] ? error : curl.easy_strerror(code));
        return 2;
    }
    *out = answer.bytes;
    *out_length = answer.count;
    return 0;
}
