import Testing

#if canImport(XCTest)
    import XCTest
#endif

/// Where a failed assertion goes: a Swift Testing issue at the caller's source location; in an XCTest test
/// (no Swift Testing test is running), an XCTest failure whose message starts with that location.
enum AssertionFailure {
    static func record(_ message: String, at sourceLocation: SourceLocation) {
        #if canImport(XCTest)
            if Test.current == nil {
                XCTFail("\(sourceLocation.filePath):\(sourceLocation.line): \(message)")
                return
            }
        #endif
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
