import Foundation
import Formwork
import FormworkTesting
import Testing

/// Snapshots: recorded when missing, compared as text, a difference shown as `formwork diff` shows it.
@Suite struct SnapshotTests {
    /// A test file in a fresh folder: its snapshots go to `__Snapshots__/FakeTests/` beside it.
    static func fakeTestFile() throws -> (file: String, snapshot: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("FakeTests.swift").path, folder.appendingPathComponent("__Snapshots__/FakeTests/S.template.json").path)
    }

    static func template(fifo: Bool) throws -> StackTemplate {
        try StackTemplate(of: Stack("S") { Queue("Orders", fifo: fifo) })
    }

    @Test func aMissingSnapshotIsRecordedAndFailsOnceForAReview() throws {
        let (file, snapshot) = try Self.fakeTestFile()
        let template = try Self.template(fifo: false)
        #expect(
            failureText { template.matchesSnapshot(filePath: file) }
                == "No snapshot yet: recorded \(snapshot). Review it and commit it; the next run compares with it.")
        #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == (try template.template.text(in: .json)) + "\n")
        #expect(failures { template.matchesSnapshot(filePath: file) }.isEmpty)
    }

    @Test func aDifferenceIsShownAsADiffWithItsReplacementVerdict() throws {
        let (file, snapshot) = try Self.fakeTestFile()
        _ = failures { try? Self.template(fifo: false).matchesSnapshot(filePath: file) }
        let text = try #require(failureText { try? Self.template(fifo: true).matchesSnapshot(filePath: file) })
        #expect(text.hasPrefix("The template differs from the snapshot \(snapshot):\nStack S: 1 to replace\n"))
        #expect(text.contains("[~] AWS::SQS::Queue Orders"))
        #expect(text.contains("replace"))
        #expect(text.contains("FifoQueue (requires replacement)"))
        #expect(text.hasSuffix("If the change is intended, re-record with FORMWORK_RECORD_SNAPSHOTS=1 swift test, and commit the snapshot."))
    }

    @Test func aFileThatIsNotATemplateIsNeverReplaced() throws {
        let (file, snapshot) = try Self.fakeTestFile()
        try FileManager.default.createDirectory(atPath: (snapshot as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "notes of my own".write(toFile: snapshot, atomically: true, encoding: .utf8)
        let text = try #require(failureText { try? Self.template(fifo: false).matchesSnapshot(filePath: file) })
        #expect(text.hasPrefix("The snapshot \(snapshot) is not a template ("))
        #expect(try String(contentsOfFile: snapshot, encoding: .utf8) == "notes of my own")
    }
}
