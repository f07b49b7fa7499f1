import Foundation

/// The Python that runs moto for the tests: `python3` when it has moto, otherwise a virtual environment of
/// the tests' own, `.build/moto-venv` in the package, where moto is installed on first use (pinned to the
/// version in `Scripts/requirements.txt`). Nothing outside the package's build folder is changed.
enum MotoPython {
    /// The moto version the tests are written against.
    static let pinnedRequirement = "moto[server]==5.2.1"

    /// The path of a Python that can run `moto.server`, or why there is none.
    static let executable: Result<String, MotoServerError> = Result { () throws(MotoServerError) -> String in try find() }

    private static func find() throws(MotoServerError) -> String {
        if succeeds("python3", ["-c", "import moto.server, flask"]) { return "python3" }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let venv = package.appendingPathComponent(".build/moto-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if FileManager.default.isExecutableFile(atPath: python), succeeds(python, ["-c", "import moto.server, flask"]) { return python }
        FileHandle.standardError.write(Data("note: python3 has no moto; installing \(pinnedRequirement) into \(venv.path) for the tests (once)\n".utf8))
        guard succeeds("python3", ["-m", "venv", venv.path]) else {
            throw MotoServerError(reason: "python3 has no moto and `python3 -m venv \(venv.path)` failed (is python3-venv installed?)")
        }
        guard succeeds(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", pinnedRequirement]) else {
            throw MotoServerError(reason: "python3 has no moto and `pip install '\(pinnedRequirement)'` into \(venv.path) failed (no network to PyPI?)")
        }
        return python
    }

    /// Whether `command arguments` exits 0 (its output discarded).
    private static func succeeds(_ command: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
