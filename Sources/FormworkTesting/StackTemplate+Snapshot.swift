import Foundation
import FormworkCore
import FormworkDiff
import FormworkTemplate
import Testing

/// Snapshot testing: the template compared with a committed copy, a difference shown as `formwork diff`
/// shows it (with replacement verdicts), so that a reviewer sees what a change does to the stack.
extension StackTemplate {
    /// The environment variable that, set to `1`, re-records the snapshots the tests compare with.
    public static let recordSnapshotsVariable = "FORMWORK_RECORD_SNAPSHOTS"

    /// Asserts that the template is the one recorded in the snapshot file, or records it there.
    ///
    /// The snapshot is `__Snapshots__/<test file name>/<name>.template.json` next to the test file, written
    /// as `synth` writes templates. Without a snapshot, the template is recorded and the test fails once,
    /// asking for a review; with `FORMWORK_RECORD_SNAPSHOTS=1` every snapshot compared is re-recorded. A
    /// file at the snapshot's path that is not a template is never replaced.
    ///
    /// ```swift
    /// @Test func theOrdersStackIsUnchanged() throws {
    ///     try StackTemplate(of: "ShopOrders", in: ShopApp.app).matchesSnapshot()
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - name: The snapshot's name; the stack's name by default.
    ///   - filePath: The test file, whose folder holds `__Snapshots__`.
    public func matchesSnapshot(
        named name: String? = nil, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let name = name ?? artifact?.name ?? "template"
        let testFile = URL(fileURLWithPath: filePath)
        let folder = testFile.deletingLastPathComponent().appendingPathComponent("__Snapshots__")
            .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
        let file = folder.appendingPathComponent("\(name).template.json").path
        let text = JSONWriter().string(from: json) + "\n"
        let recording = ProcessInfo.processInfo.environment[Self.recordSnapshotsVariable] == "1"

        guard let recorded = FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }) else {
            record(
                text, to: file, folder: folder.path,
                "No snapshot yet: recorded \(file). Review it and commit it; the next run compares with it.", sourceLocation)
            return
        }
        let committed: Template
        do {
            committed = try Template.parse(recorded, format: .json, file: file)
        } catch {
            AssertionFailure.record(
                "The snapshot \(file) is not a template (\(error)); it is left as it is. Move it away to record a new one.",
                at: sourceLocation)
            return
        }
        guard recorded != text else { return }
        if recording {
            record(text, to: file, folder: folder.path, nil, sourceLocation)
            return
        }
        let diff = TemplateDiffer().diff(old: committed, new: template)
        let shown =
            diff.isEmpty
            ? "The template differs from the snapshot only in its layout (key order or whitespace)."
            : DiffTextRenderer().render(name, diff)
        AssertionFailure.record(
            """
            The template differs from the snapshot \(file):
            \(shown)
            If the change is intended, re-record with \(Self.recordSnapshotsVariable)=1 swift test, and commit the snapshot.
            """, at: sourceLocation)
    }

    /// Writes a snapshot; records `issue` (when given) or a write failure.
    private func record(_ text: String, to file: String, folder: String, _ issue: String?, _ sourceLocation: SourceLocation) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(text, to: file)
        } catch {
            AssertionFailure.record("Cannot record the snapshot \(file): \(error)", at: sourceLocation)
            return
        }
        if let issue { AssertionFailure.record(issue, at: sourceLocation) }
    }
}
