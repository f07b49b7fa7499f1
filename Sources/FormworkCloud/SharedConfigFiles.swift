import Foundation

/// The AWS CLI's shared files: `~/.aws/config` (sections `[default]` and `[profile NAME]`) and
/// `~/.aws/credentials` (sections `[NAME]`), at `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` when set.
/// A profile's settings are the config file's, with the credentials file's keys over them.
public struct SharedConfigFiles: Sendable {
    /// Each profile's settings, keys lowercased.
    public var profiles: [String: [String: String]]

    public init(profiles: [String: [String: String]]) {
        self.profiles = profiles
    }

    /// Reads both files as `environment` places them; a missing file is an empty one.
    public static func load(_ environment: AWSEnvironment) -> SharedConfigFiles {
        let home = environment.variables["HOME"] ?? NSHomeDirectory()
        let configPath = environment.variables["AWS_CONFIG_FILE"].map { expandingTilde($0, home: home) } ?? "\(home)/.aws/config"
        let credentialsPath = environment.variables["AWS_SHARED_CREDENTIALS_FILE"].map { expandingTilde($0, home: home) } ?? "\(home)/.aws/credentials"
        var profiles: [String: [String: String]] = [:]
        for (section, settings) in sections(of: read(configPath)) {
            let name: String
            if section == "default" {
                name = "default"
            } else if section.hasPrefix("profile ") {
                name = section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
            } else {
                continue // sso-session and services sections are not profiles
            }
            profiles[name, default: [:]].merge(settings) { $1 }
        }
        for (section, settings) in sections(of: read(credentialsPath)) {
            profiles[section, default: [:]].merge(settings) { $1 }
        }
        return SharedConfigFiles(profiles: profiles)
    }

    /// The sections of an INI text with their `key = value` settings. Comment lines (`#`, `;`) and the
    /// indented lines of nested settings (`s3 =` followed by `  key = value`) are skipped.
    static func sections(of text: String) -> [(String, [String: String])] {
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

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    static func expandingTilde(_ path: String, home: String) -> String {
        path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst() : path
    }
}
