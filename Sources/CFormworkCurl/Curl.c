#include "CFormworkCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>

/// The functions of libcurl the transport calls, found by name once libcurl is loaded.
static struct {
    int (*global_init)(long flags);
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *easy);
    int (*easy_setopt)(void *easy, int option, ...);
    int (*easy_perform)(void *easy);
    int (*easy_getinfo)(void *easy, int info, ...);
    const char *(*easy_strerror)(int code);
    void *(*slist_append)(void *list, const char *text);
    void (*slist_free_all)(void *list);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static const char *load_failure = NULL;

static void load(void) {
    // The library FoundationNetworking itself links; Debian also names it for its TLS back end.
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        load_failure = "libcurl (libcurl.so.4) is not installed; install it (Debian and Ubuntu: apt-get install libcurl4)";
        return;
    }
    *(void **)&curl.global_init = dlsym(library, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&curl.easy_strerror = dlsym(library, "curl_easy_strerror");
    *(void **)&curl.slist_append = dlsym(library, "curl_slist_append");
    *(void **)&curl.slist_free_all = dlsym(library, "curl_slist_free_all");
    if (!curl.global_init || !curl.easy_init || !curl.easy_cleanup || !curl.easy_setopt || !curl.easy_perform
        || !curl.easy_getinfo || !curl.easy_strerror || !curl.slist_append || !curl.slist_free_all) {
        load_failure = "the installed libcurl lacks a function of its easy interface";
        return;
    }
    // CURL_GLOBAL_ALL; made once, before any handle, as libcurl asks of threaded programs.
    if (curl.global_init(3) != 0) {
        load_failure = "libcurl failed to initialize";
        return;
    }
    loaded = 1;
}

int formwork_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *formwork_curl_load_failure(void) {
    return load_failure;
}

void *formwork_curl_easy_init(void) {
    return formwork_curl_load() ? curl.easy_init() : NULL;
}

void formwork_curl_easy_cleanup(void *easy) {
    if (easy != NULL) curl.easy_cleanup(easy);
}

int formwork_curl_setopt_long(void *easy, int option, long value) {
    return curl.easy_setopt(easy, option, value);
}

int formwork_curl_setopt_pointer(void *easy, int option, const void *value) {
    return curl.easy_setopt(easy, option, value);
}

int formwork_curl_setopt_offset(void *easy, int option, int64_t value) {
    return curl.easy_setopt(easy, option, value);
}

int formwork_curl_setopt_data_callback(void *easy, int option, formwork_curl_data_callback callback) {
    return curl.easy_setopt(easy, option, callback);
}

int formwork_curl_setopt_progress_callback(void *easy, formwork_curl_progress_callback callback) {
    return curl.easy_setopt(easy, FORMWORK_CURLOPT_XFERINFOFUNCTION, callback);
}

int formwork_curl_easy_perform(void *easy) {
    return curl.easy_perform(easy);
}

long formwork_curl_response_code(void *easy) {
    long code = 0;
    // CURLINFO_RESPONSE_CODE: CURLINFO_LONG + 2.
    if (curl.easy_getinfo(easy, 0x200000 + 2, &code) != 0) return 0;
    return code;
}

const char *formwork_curl_strerror(int code) {
    return formwork_curl_load() ? curl.easy_strerror(code) : "libcurl is not loaded";
}

void *formwork_curl_slist_append(void *list, const char *text) {
    return curl.slist_append(list, text);
}

void formwork_curl_slist_free_all(void *list) {
    if (list != NULL) curl.slist_free_all(list);
}
