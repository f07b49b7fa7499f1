import FormworkTesting
import Synchronization
import Testing

/// The issues `body` records, each as its comment's text and the line it was recorded at: how these tests
/// read an assertion's failure text.
func failures(_ body: () -> Void) -> [(text: String, line: Int)] {
    let recorded = Mutex<[(text: String, line: Int)]>([])
    withKnownIssue(isIntermittent: true) {
        body()
    } matching: { issue in
        recorded.withLock { $0.append((issue.comments.map(\.rawValue).joined(separator: "\n"), issue.sourceLocation?.line ?? 0)) }
        return true
    }
    return recorded.withLock { $0 }
}

/// The text of the one issue `body` records; `nil` when it records none or several.
func failureText(_ body: () -> Void) -> String? {
    let found = failures(body)
    return found.count == 1 ? found[0].text : nil
}
