import Foundation

/// The AWS CLI's shared files: `~/.aws/config` (sections `[default]` and `[profile NAME]`) and
/// `~/.aws/credentials` (sections `[NAME]`), at `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` when set.
/// A profile's settings are the config file's, with the credentials file's keys over them.
public struct SharedConfigFiles: Sendable {
    /// Each profile's settings, keys lowercased.
    public var profiles: [String: [String: String]]
    /// The settings of each `[sso-session NAME]` section of the config file (IAM Identity Center sign-ins).
    public var ssoSessions: [String: [String: String]] = [:]
    /// Why a file that is there could not be read (not UTF-8, too large, not a regular file); the first
    /// one stops credential and region resolution with its message.
    public var problems: [String] = []

    /// The most a config or credentials file may hold: 4 MiB (thousands of profiles).
    public static let maximumFileBytes = 4 << 20

    /// Files read as `profiles` (name → settings), with the `problems` found reading them (none by default).
    public init(profiles: [String: [String: String]], ssoSessions: [String: [String: String]] = [:], problems: [String] = []) {
        self.profiles = profiles
        self.ssoSessions = ssoSessions
        self.problems = problems
    }

    /// Throws the first problem reading the files, if any.
    public func checkReadable() throws(CloudError) {
        if let problem = problems.first { throw .configuration(problem) }
    }

    /// Reads both files as `environment` places them; a missing file is an empty one.
    public static func load(_ environment: AWSEnvironment) -> SharedConfigFiles {
        let home = environment.variables["HOME"] ?? NSHomeDirectory()
        let configPath = environment.variables["AWS_CONFIG_FILE"].map { expandingTilde($0, home: home) } ?? "\(home)/.aws/config"
        let credentialsPath = environment.variables["AWS_SHARED_CREDENTIALS_FILE"].map { expandingTilde($0, home: home) } ?? "\(home)/.aws/credentials"
        var profiles: [String: [String: String]] = [:]
        var ssoSessions: [String: [String: String]] = [:]
        var problems: [String] = []
        func text(_ path: String, _ variable: String) -> String {
            switch read(path) {
            case .success(let text): return text
            case .failure(let problem):
                problems.append(
                    "the AWS \(variable == "AWS_CONFIG_FILE" ? "config" : "credentials") file '\(path)' \(problem.reason) (its place: \(variable) or ~/.aws)")
                return ""
            }
        }
        for (section, settings) in sections(of: text(configPath, "AWS_CONFIG_FILE")) {
            let name: String
            if section == "default" {
                name = "default"
            } else if section.hasPrefix("profile ") {
                name = section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
            } else if section.hasPrefix("sso-session ") {
                ssoSessions[section.dropFirst("sso-session ".count).trimmingCharacters(in: .whitespaces), default: [:]].merge(settings) { $1 }
                continue
            } else {
                continue  // services sections are not profiles
            }
            profiles[name, default: [:]].merge(settings) { $1 }
        }
        for (section, settings) in sections(of: text(credentialsPath, "AWS_SHARED_CREDENTIALS_FILE")) {
            profiles[section, default: [:]].merge(settings) { $1 }
        }
        return SharedConfigFiles(profiles: profiles, ssoSessions: ssoSessions, problems: problems)
    }

    /// The sections of an INI text with their `key = value` settings. Comment lines (`#`, `;`) and the
    /// indented lines of nested settings (`s3 =` followed by `  key = value`) are skipped.
    public static func sections(of text: String) -> [(String, [String: String])] {
        var result: [(String, [String: String])] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
                result.append((trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces), [:]))
                continue
            }
            guard !result.isEmpty, line.first != " ", line.first != "\t", let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            result[result.count - 1].1[key] = value
        }
        return result
    }

    /// Why a file cannot be read.
    struct ReadProblem: Error {
        var reason: String
    }

    /// The text of the file at `path`: empty when there is none; a problem when it is not a regular file,
    /// is larger than ``maximumFileBytes``, cannot be opened, or is not UTF-8.
    static func read(_ path: String) -> Result<String, ReadProblem> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .success("") : .failure(ReadProblem(reason: "cannot be read: \(String(cString: strerror(errno)))"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(ReadProblem(reason: "is not a regular file")) }
        guard Int(status.st_size) <= maximumFileBytes else {
            return .failure(ReadProblem(reason: "is larger than \(maximumFileBytes >> 20) MiB"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(ReadProblem(reason: "cannot be opened")) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            return .failure(ReadProblem(reason: "cannot be read: \(error.localizedDescription)"))
        }
        guard data.count <= maximumFileBytes else { return .failure(ReadProblem(reason: "is larger than \(maximumFileBytes >> 20) MiB")) }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(ReadProblem(reason: "is not UTF-8 text; save it as UTF-8"))
        }
        return .success(text)
    }

    static func expandingTilde(_ path: String, home: String) -> String {
        path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
    }
}
