/// "Did you mean ...?" for a misspelled name.
///
/// Bounded whatever the input: a name longer than ``maximumLength`` gets no suggestion, candidates whose
/// length differs by more than the allowed edits are skipped, and the distance is computed only within
/// that band, so one suggestion costs time linear in the number of candidates.
enum Suggestion {
    /// Names longer than this (in Unicode scalars) get no suggestion: nothing near them is a real name.
    static let maximumLength = 256

    /// The candidate closest to `name`: same letters ignoring case, or at most two edits away.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        guard target.count <= maximumLength else { return nil }
        let limit = min(2, max(1, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            guard abs(candidate.unicodeScalars.count - target.count) <= limit else { continue }
            let distance = boundedEditDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            if distance == 0 { return candidate }
            if let distance, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between `a` and `b` when it is at most `limit`; `nil` when it is more.
    /// Only the cells within `limit` of the diagonal are computed.
    static func boundedEditDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let outside = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
        var current = Array(repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution, outside)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            guard rowMinimum <= limit else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// `" Did you mean 'X'?"`, or nothing.
    static func phrase(for name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }
}
