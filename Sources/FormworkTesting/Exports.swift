// A test file that imports FormworkTesting gets Swift Testing too: the assertions' `sourceLocation`
// defaults (`#_sourceLocation`) expand in the caller's file, XCTest files included.
@_exported import Testing
