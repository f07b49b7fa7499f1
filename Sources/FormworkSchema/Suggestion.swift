/// "Did you mean ...?" for a misspelled name.
enum Suggestion {
    /// The candidate closest to `name`: same letters ignoring case, or at most two edits away.
    static func closest(to name: String, among candidates: [String]) -> String? {
        if let caseInsensitive = candidates.first(where: { $0.lowercased() == name.lowercased() }) { return caseInsensitive }
        let limit = min(2, max(1, name.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between two strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// `" Did you mean 'X'?"`, or nothing.
    static func phrase(for name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }
}
