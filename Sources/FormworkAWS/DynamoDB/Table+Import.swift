import FormworkCore

extension Table {
    /// An existing table, named by its ARN (CDK's `Table.fromTableArn`): a table for grants that the stack does not
    /// declare.
    ///
    /// ```swift
    /// let orders = Table.fromTableArn("Orders", arn: "arn:aws:dynamodb:us-east-1:123456789012:table/orders")
    /// orders.grant(.read, to: worker)
    /// ```
    ///
    /// As in CDK, nothing is written for the table itself: grants go to the grantee's policy only, on the table's ARN
    /// (no index ARNs: an imported table has no known indexes). ``Table/arn`` is `arn` as given; ``Table/name`` is
    /// read from it, after `table/` (cut from the text when `arn` is text or begins with a literal `arn:`,
    /// `Fn::Select` of `Fn::Split` otherwise). The table has no stream to grant on; import it with
    /// ``Table/fromTableAttributes(_:arn:streamArn:)`` for one. Its other settings are ignored.
    public static func fromTableArn(_ id: String, arn: Value) -> Table {
        var table = Table(id, partitionKey: .string(""))
        table.imported = ImportedArn(arn)
        return table
    }

    /// An existing table, named by its name in the stack's account and region (CDK's `Table.fromTableName`): its ARN
    /// is `arn:<partition>:dynamodb:<region>:<account>:table/<name>`, with the stack's partition, region and account,
    /// as CDK's `formatArn` writes it; otherwise as ``Table/fromTableArn(_:arn:)``.
    public static func fromTableName(_ id: String, name: Value) -> Table {
        fromTableArn(id, arn: "arn:\(Aws.partition):dynamodb:\(Aws.region):\(Aws.accountId):table/\(name)")
    }

    /// An existing table by its ARN and the ARN of its stream (CDK's `Table.fromTableAttributes` with `tableArn` and
    /// `tableStreamArn`): as ``Table/fromTableArn(_:arn:)``, with ``Table/streamArn`` the stream ARN given, so that
    /// the table can grant ``TableGrant/streamRead``. `streamArn`: `nil` unless given, so no stream.
    public static func fromTableAttributes(_ id: String, arn: Value, streamArn: Value? = nil) -> Table {
        var table = fromTableArn(id, arn: arn)
        table.importedStreamArn = streamArn
        return table
    }

    /// An existing table by its name and the ARN of its stream (CDK's `Table.fromTableAttributes` with `tableName`
    /// and `tableStreamArn`): as ``Table/fromTableName(_:name:)``, with ``Table/streamArn`` the stream ARN given.
    /// `streamArn`: `nil` unless given, so no stream.
    public static func fromTableAttributes(_ id: String, name: Value, streamArn: Value? = nil) -> Table {
        var table = fromTableName(id, name: name)
        table.importedStreamArn = streamArn
        return table
    }

    /// Rejects a grant on the stream of an imported table imported without its stream ARN, as CDK does.
    func checkStreamGrant(at scope: ConstructScope) throws(SynthesisError) {
        guard imported != nil, importedStreamArn == nil else { return }
        throw SynthesisError(
            .invalidSetting, paths: [scope.path],
            "the imported table '\(id)' has no stream ARN; import it with Table.fromTableAttributes(_:arn:streamArn:) to read its stream")
    }
}
