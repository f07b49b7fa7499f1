import CFormworkCurl
import Foundation
import Synchronization

/// One request sent by ``CurlTransport``: libcurl's handle set up for it, the answer collected within its
/// bounds, and the outcome. ``run()`` is called once, on a thread that may block; ``cancel()`` from anywhere.
final class CurlExchange: Sendable {
    /// How an exchange ended.
    enum Outcome: Sendable {
        case answered(status: Int, headers: [String: String], body: Data)
        case tooLarge
        case timedOut
        /// The caller's task was cancelled.
        case cancelled
        /// The exchange failed on the way (a connection refused or reset, a name not resolved): another
        /// attempt may succeed.
        case failed(reason: String)
        /// Nothing was sent, and sending again would not help (a header that would split, no libcurl).
        case unsendable(reason: String)
    }

    /// The most bytes of header lines read: 1 MiB.
    static let maximumHeaderBytes = 1 << 20

    private let request: HTTPRequest
    private let timeout: TimeInterval
    private let limit: Int
    private let cancelled = Atomic<Bool>(false)
    /// What the callbacks collect (behind a lock, which only the exchange's own thread takes).
    private let answer = Mutex(Answer())

    private struct Answer {
        var headers: [String: String] = [:]
        var headerBytes = 0
        var body = Data()
        var tooLarge = false
    }

    init(request: HTTPRequest, timeout: TimeInterval, limit: Int) {
        self.request = request
        self.timeout = timeout
        self.limit = limit
    }

    /// Ends the exchange early: at once when it runs (at libcurl's next progress call), before it starts
    /// otherwise.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// Sends the request and waits for the whole answer, or for a bound to end it.
    func run() -> Outcome {
        guard !cancelled.load(ordering: .relaxed) else { return .cancelled }
        // A line break or NUL in a header would end it early and start another: never sent.
        let unsafe: (Unicode.Scalar) -> Bool = { $0 == "\r" || $0 == "\n" || $0 == "\0" }
        if let (name, _) = request.headers.first(where: { $0.key.unicodeScalars.contains(where: unsafe) || $0.value.unicodeScalars.contains(where: unsafe) }) {
            return .unsendable(reason: "the header '\(name.filter { !$0.isNewline && $0 != "\0" })' holds a line break or NUL; it was not sent")
        }
        guard let easy = formwork_curl_easy_init() else {
            // Without libcurl no attempt can succeed; a handle libcurl could not make (out of memory) might.
            if let failure = formwork_curl_load_failure() { return .unsendable(reason: String(cString: failure)) }
            return .failed(reason: "libcurl could not make a handle")
        }
        defer { formwork_curl_easy_cleanup(easy) }
        var headerList: UnsafeMutableRawPointer?
        defer { formwork_curl_slist_free_all(headerList) }
        // libcurl adds `Expect`, `Accept` and (for a body) a form `Content-Type` unless told not to: none is
        // signed, and a stray content type would be stored with an S3 object.
        // `Name;` is libcurl's way to send a header with an empty value (`Name:` removes one).
        var lines = request.headers.sorted { $0.key < $1.key }.map { $0.value.isEmpty ? "\($0.key);" : "\($0.key): \($0.value)" }
        lines += ["Expect:", "Accept:"]
        if !request.headers.keys.contains(where: { $0.lowercased() == "content-type" }) { lines.append("Content-Type:") }
        for line in lines { headerList = formwork_curl_slist_append(headerList, line) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        // At most a day: libcurl takes a `long`, and an endless or NaN timeout would not convert.
        let milliseconds = timeout.isFinite ? max(1, Int((min(timeout, 86_400) * 1000).rounded(.up))) : 86_400_000
        var code = Int32(FORMWORK_CURLE_OK)
        // One byte at least, so that an empty body still has an address (libcurl reads standard input when
        // the body's pointer is null); its size is given apart.
        let size = request.body.count
        let body = size == 0 ? [0] : [UInt8](request.body)
        body.withUnsafeBytes { bytes in
            formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_URL), request.url.absoluteString)
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_PROTOCOLS), Int(FORMWORK_CURLPROTO_HTTP | FORMWORK_CURLPROTO_HTTPS))
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_FOLLOWLOCATION), 0)
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_NOSIGNAL), 1)
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_TIMEOUT_MS), milliseconds)
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_CONNECTTIMEOUT_MS), milliseconds)
            formwork_curl_setopt_offset(easy, Int32(FORMWORK_CURLOPT_MAXFILESIZE_LARGE), Int64(limit))
            formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_HTTPHEADER), headerList)
            switch request.method {
            case "GET" where size == 0: formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_HTTPGET), 1)
            case "HEAD": formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_NOBODY), 1)
            default:
                formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_CUSTOMREQUEST), request.method)
                formwork_curl_setopt_offset(easy, Int32(FORMWORK_CURLOPT_POSTFIELDSIZE_LARGE), Int64(size))
                formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_POSTFIELDS), bytes.baseAddress)
            }
            formwork_curl_setopt_data_callback(easy, Int32(FORMWORK_CURLOPT_WRITEFUNCTION), Self.receiveBody)
            formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_WRITEDATA), context)
            formwork_curl_setopt_data_callback(easy, Int32(FORMWORK_CURLOPT_HEADERFUNCTION), Self.receiveHeader)
            formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_HEADERDATA), context)
            formwork_curl_setopt_long(easy, Int32(FORMWORK_CURLOPT_NOPROGRESS), 0)
            formwork_curl_setopt_progress_callback(easy, Self.progress)
            formwork_curl_setopt_pointer(easy, Int32(FORMWORK_CURLOPT_XFERINFODATA), context)
            code = formwork_curl_easy_perform(easy)
        }
        let collected = answer.withLock { $0 }
        if collected.tooLarge { return .tooLarge }
        switch Int(code) {
        case Int(FORMWORK_CURLE_OK):
            return .answered(status: formwork_curl_response_code(easy), headers: collected.headers, body: collected.body)
        case Int(FORMWORK_CURLE_ABORTED_BY_CALLBACK): return .cancelled
        case Int(FORMWORK_CURLE_FILESIZE_EXCEEDED): return .tooLarge
        case Int(FORMWORK_CURLE_OPERATION_TIMEDOUT): return .timedOut
        default: return .failed(reason: Self.reason(code))
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch Int(code) {
        case Int(FORMWORK_CURLE_COULDNT_RESOLVE_HOST), Int(FORMWORK_CURLE_COULDNT_RESOLVE_PROXY): "the host name does not resolve"
        case Int(FORMWORK_CURLE_COULDNT_CONNECT): "the connection was refused"
        case Int(FORMWORK_CURLE_SEND_ERROR), Int(FORMWORK_CURLE_RECV_ERROR), Int(FORMWORK_CURLE_GOT_NOTHING): "the connection was lost"
        case Int(FORMWORK_CURLE_SSL_CONNECT_ERROR), Int(FORMWORK_CURLE_PEER_FAILED_VERIFICATION): "the TLS connection failed (certificate or protocol)"
        case Int(FORMWORK_CURLE_UNSUPPORTED_PROTOCOL): "only http and https URLs are sent"
        default: String(cString: formwork_curl_strerror(code))
        }
    }

    private static func exchange(_ context: UnsafeMutableRawPointer?) -> CurlExchange? {
        context.map { Unmanaged<CurlExchange>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Appends a piece of the body, or stops the exchange (by taking fewer bytes than given) past the cap.
    private static let receiveBody: formwork_curl_data_callback = { data, size, count, context in
        guard let exchange = exchange(context), let data else { return 0 }
        let length = size * count
        return exchange.answer.withLock { answer in
            guard answer.body.count + length <= exchange.limit else {
                answer.tooLarge = true
                return 0
            }
            answer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
            return length
        }
    }

    /// Reads one header line: `Name: value` under its lowercased name; a status line starts a new answer's
    /// headers (after a `100 Continue`).
    private static let receiveHeader: formwork_curl_data_callback = { data, size, count, context in
        guard let exchange = exchange(context), let data else { return 0 }
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        return exchange.answer.withLock { answer in
            answer.headerBytes += length
            guard answer.headerBytes <= maximumHeaderBytes else {
                answer.tooLarge = true
                return 0
            }
            if line.hasPrefix("HTTP/") {
                answer.headers = [:]
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                answer.headers[name] = answer.headers[name].map { "\($0),\(value)" } ?? value
            }
            return length
        }
    }

    /// Stops the exchange once its caller is cancelled.
    private static let progress: formwork_curl_progress_callback = { context, _, _, _, _ in
        guard let exchange = exchange(context) else { return 1 }
        return exchange.cancelled.load(ordering: .relaxed) ? 1 : 0
    }
}
