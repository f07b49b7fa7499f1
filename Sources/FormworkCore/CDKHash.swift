/// CDK's `md5hash` helper: the MD5 of a text as 32 lowercase hex digits, for the names CDK derives from
/// content (the role of a schedule's target is `SchedulerRoleForTarget-<first 6 digits>`). Not for security.
public enum CDKHash {
    public static func md5Hex(_ text: String) -> String {
        MD5.hex(Array(text.utf8))
    }
}
