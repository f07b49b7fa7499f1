import FormworkTemplate
import OrderedCollections

extension OrderedDictionary {
    /// Each value turned into JSON by `transform`, which throws a typed error: the keys' storage is shared
    /// (`mapValues` keeps it) instead of every key being hashed again, and the first error ends the mapping.
    func mapJSONValues<E: Error>(_ transform: (Value) throws(E) -> JSONValue) throws(E) -> OrderedDictionary<Key, JSONValue> {
        // The library's `mapValues` rethrows only untyped errors: the first error is carried out of its closure.
        var failure: E?
        let mapped = mapValues { value -> JSONValue in
            guard failure == nil else { return .null }
            do throws(E) { return try transform(value) } catch {
                failure = error
                return .null
            }
        }
        if let failure { throw failure }
        return mapped
    }
}
