import Foundation

/// The hashes CDK derives names from content with. Not for security.
public enum CDKHash {
    /// CDK's `md5hash` helper: the MD5 of a text as 32 lowercase hex digits (the role of a schedule's target
    /// is `SchedulerRoleForTarget-<first 6 digits>`).
    public static func md5Hex(_ text: String) -> String {
        MD5.hex(Array(text.utf8))
    }

    /// The SHA-256 of a text in standard base64, as Node's `digest('base64')` writes it (a function's
    /// permission for a service principal is `Invoke<this>`).
    public static func sha256Base64(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return Data(hasher.digest()).base64EncodedString()
    }
}
