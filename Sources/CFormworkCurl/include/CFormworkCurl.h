#ifndef C_FORMWORK_CURL_H
#define C_FORMWORK_CURL_H

#include <stddef.h>
#include <stdint.h>

/// libcurl's easy interface, loaded with `dlopen` the first time a request is sent: a program that never
/// talks to AWS (a synthesis) neither loads libcurl nor resolves its symbols at start-up.
///
/// Option and info numbers are libcurl's stable ABI values (curl.h: CURLOPTTYPE_LONG 0, OBJECTPOINT 10000,
/// FUNCTIONPOINT 20000, OFF_T 30000; CURLINFO_LONG 0x200000).
enum {
    FORMWORK_CURLOPT_URL = 10002,
    FORMWORK_CURLOPT_WRITEDATA = 10001,
    FORMWORK_CURLOPT_WRITEFUNCTION = 20011,
    FORMWORK_CURLOPT_HEADERDATA = 10029,
    FORMWORK_CURLOPT_HEADERFUNCTION = 20079,
    FORMWORK_CURLOPT_HTTPHEADER = 10023,
    FORMWORK_CURLOPT_POSTFIELDS = 10015,
    FORMWORK_CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    FORMWORK_CURLOPT_CUSTOMREQUEST = 10036,
    FORMWORK_CURLOPT_NOBODY = 44,
    FORMWORK_CURLOPT_HTTPGET = 80,
    FORMWORK_CURLOPT_POST = 47,
    FORMWORK_CURLOPT_TIMEOUT_MS = 155,
    FORMWORK_CURLOPT_CONNECTTIMEOUT_MS = 156,
    FORMWORK_CURLOPT_NOSIGNAL = 99,
    FORMWORK_CURLOPT_FOLLOWLOCATION = 52,
    FORMWORK_CURLOPT_NOPROGRESS = 43,
    FORMWORK_CURLOPT_XFERINFOFUNCTION = 20219,
    FORMWORK_CURLOPT_XFERINFODATA = 10057,
    FORMWORK_CURLOPT_MAXFILESIZE_LARGE = 30117,
    FORMWORK_CURLOPT_PROTOCOLS = 181,
    FORMWORK_CURLOPT_ERRORBUFFER = 10010,
};

enum {
    FORMWORK_CURLPROTO_HTTP = 1,
    FORMWORK_CURLPROTO_HTTPS = 2,
    FORMWORK_CURL_ERROR_SIZE = 256,
};

/// CURLcode values the transport tells apart.
enum {
    FORMWORK_CURLE_OK = 0,
    FORMWORK_CURLE_UNSUPPORTED_PROTOCOL = 1,
    FORMWORK_CURLE_COULDNT_RESOLVE_PROXY = 5,
    FORMWORK_CURLE_COULDNT_RESOLVE_HOST = 6,
    FORMWORK_CURLE_COULDNT_CONNECT = 7,
    FORMWORK_CURLE_WRITE_ERROR = 23,
    FORMWORK_CURLE_OPERATION_TIMEDOUT = 28,
    FORMWORK_CURLE_SSL_CONNECT_ERROR = 35,
    FORMWORK_CURLE_ABORTED_BY_CALLBACK = 42,
    FORMWORK_CURLE_GOT_NOTHING = 52,
    FORMWORK_CURLE_SEND_ERROR = 55,
    FORMWORK_CURLE_RECV_ERROR = 56,
    FORMWORK_CURLE_PEER_FAILED_VERIFICATION = 60,
    FORMWORK_CURLE_FILESIZE_EXCEEDED = 63,
};

/// `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION`: return `size * count` to go on, anything else to stop.
typedef size_t (*formwork_curl_data_callback)(char *data, size_t size, size_t count, void *context);
/// `CURLOPT_XFERINFOFUNCTION`: return 0 to go on, anything else to stop the exchange.
typedef int (*formwork_curl_progress_callback)(void *context, int64_t download_total, int64_t downloaded, int64_t upload_total, int64_t uploaded);

/// Loads libcurl (once, thread-safe); 1 when it and every function used were found, 0 otherwise.
int formwork_curl_load(void);
/// Why loading failed, or NULL.
const char *formwork_curl_load_failure(void);

void *formwork_curl_easy_init(void);
void formwork_curl_easy_cleanup(void *easy);
int formwork_curl_setopt_long(void *easy, int option, long value);
int formwork_curl_setopt_pointer(void *easy, int option, const void *value);
int formwork_curl_setopt_offset(void *easy, int option, int64_t value);
int formwork_curl_setopt_data_callback(void *easy, int option, formwork_curl_data_callback callback);
int formwork_curl_setopt_progress_callback(void *easy, formwork_curl_progress_callback callback);
int formwork_curl_easy_perform(void *easy);
/// The last response's HTTP status, or 0.
long formwork_curl_response_code(void *easy);
const char *formwork_curl_strerror(int code);
void *formwork_curl_slist_append(void *list, const char *text);
void formwork_curl_slist_free_all(void *list);

#endif
