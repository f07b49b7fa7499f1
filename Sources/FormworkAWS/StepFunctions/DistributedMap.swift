import FormworkCore
import OrderedCollections

/// A `Map` state in distributed mode (CDK's `sfn.DistributedMap`): each item runs as a child execution,
/// up to 10,000 at once, the items read from S3 and the results written back to it. The state machine's
/// role is allowed to start, stop, describe and redrive its own child executions (CDK's
/// `DistributedMapPolicy`).
public struct DistributedMap: Sendable {
    /// Where the items come from.
    public enum ItemReader: Sendable {
        /// A JSON array in one object.
        case json(bucket: Bucket, key: String, maxItems: Int? = nil)
        /// A CSV file in one object, its first row naming the columns.
        case csv(bucket: Bucket, key: String, maxItems: Int? = nil, delimiter: Delimiter? = nil)
        /// The objects (keys and metadata) under `prefix` of a bucket.
        case objects(bucket: Bucket, prefix: String? = nil, maxItems: Int? = nil)
    }

    /// What separates a CSV file's fields.
    public enum Delimiter: String, Sendable {
        /// Commas (`COMMA`), the default when none is given.
        case comma = "COMMA"
        /// Vertical bars, `|` (`PIPE`).
        case pipe = "PIPE"
        /// Semicolons (`SEMICOLON`).
        case semicolon = "SEMICOLON"
        /// Spaces (`SPACE`).
        case space = "SPACE"
        /// Tabs (`TAB`).
        case tab = "TAB"
    }

    /// How child executions run: standard (up to a year, exactly once) or express (up to 5 minutes).
    public enum ExecutionType: String, Sendable {
        /// Standard child executions (`STANDARD`): up to a year each, each step run exactly once.
        case standard = "STANDARD"
        /// Express child executions (`EXPRESS`): up to 5 minutes each, at least once, cheaper at high volume.
        case express = "EXPRESS"
    }

    /// How items are grouped into batches, each child execution processing one batch.
    public struct ItemBatcher: Sendable {
        /// The most items in a batch (`MaxItemsPerBatch`); `nil`: not written, so no count limit.
        public var maxItemsPerBatch: Int?
        /// The most bytes a batch may hold (`MaxInputBytesPerBatch`): 1 to 262,144 (256 KiB); `nil`: not written, so
        /// only Step Functions' 256 KiB.
        public var maxInputBytesPerBatch: Int?
        /// A fixed JSON object every batch carries as `BatchInput`.
        public var batchInput: Value?

        /// A batcher; at least one of the settings must be given.
        public init(maxItemsPerBatch: Int? = nil, maxInputBytesPerBatch: Int? = nil, batchInput: Value? = nil) {
            self.maxItemsPerBatch = maxItemsPerBatch
            self.maxInputBytesPerBatch = maxInputBytesPerBatch
            self.batchInput = batchInput
        }

        var value: Value {
            var members = OrderedDictionary<String, Value>()
            members["MaxItemsPerBatch"] = maxItemsPerBatch.map { .number(Double($0)) }
            members["MaxInputBytesPerBatch"] = maxInputBytesPerBatch.map { .number(Double($0)) }
            members["BatchInput"] = batchInput
            return .object(members)
        }
    }

    /// Where the items come from in S3 (`ItemReader`), with read access for the state machine's role; `nil`: the
    /// array at ``itemsPath`` of the state's input. Not with ``itemsPath``.
    public var itemReader: ItemReader?
    /// Where the results go: `<prefix>/<map run id>/` in the bucket, instead of the state's output (CDK's
    /// deprecated v1 `resultWriter`: a stack whose profile has `useDistributedMapResultWriterV2` on, as
    /// `cdk init` sets it, ignores it, as CDK does).
    public var resultWriter: (bucket: Bucket, prefix: String?)?
    /// A JSON path to the array of items in the state's input (`ItemsPath`); `nil`: not written, so the input itself
    /// (`$`). Not with ``itemReader``.
    public var itemsPath: String?
    /// The input each child execution gets, built from the item (`ItemSelector`; keys ending in `.$` take paths such
    /// as `$$.Map.Item.Value`); `nil`: the item itself.
    public var itemSelector: Value?
    /// How items are grouped so that a child execution processes several (`ItemBatcher`); `nil`: one item each.
    public var itemBatcher: ItemBatcher?
    /// The most child executions running at once (`MaxConcurrency`), 1 to 10,000; `nil`: not written, so Step
    /// Functions' 10,000.
    public var maxConcurrency: Int?
    /// The share of items, in percent, that may fail before the map run fails (`ToleratedFailurePercentage`), 0 to
    /// 100; `nil`: not written, so none may.
    public var toleratedFailurePercentage: Double?
    /// How many items may fail before the map run fails (`ToleratedFailureCount`), 0 or more; `nil`: not written,
    /// so none may.
    public var toleratedFailureCount: Int?
    /// The name of the map run (and of its child executions' ARNs).
    public var label: String?
    /// How child executions run (`ProcessorConfig.ExecutionType`, always written); ``ExecutionType/standard`` unless
    /// given.
    public var executionType: ExecutionType
    /// The states each child execution runs (`ItemProcessor`).
    public var processor: Chain

    var bucket: Bucket? {
        switch itemReader {
        case .json(let bucket, _, _)?, .csv(let bucket, _, _, _)?, .objects(let bucket, _, _)?: bucket
        case nil: nil
        }
    }

    /// The statements the state machine's role needs: the writer's, then the reader's, as CDK registers them.
    var statements: [PolicyStatement] {
        var statements: [PolicyStatement] = []
        if let resultWriter {
            statements.append(
                PolicyStatement(
                    actions: ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"],
                    resources: [Self.objects(of: resultWriter.bucket)]))
        }
        switch itemReader {
        case .json(let bucket, _, _)?, .csv(let bucket, _, _, _)?:
            statements.append(PolicyStatement(actions: ["s3:GetObject"], resources: [Self.objects(of: bucket)]))
        case .objects(let bucket, _, _)?:
            statements.append(PolicyStatement(actions: ["s3:ListBucket"], resources: [bucket.arn]))
        case nil:
            break
        }
        return statements
    }

    /// The bucket's objects by the bucket's name (`arn:<partition>:s3:::<name>/*`), as CDK's readers and writers
    /// name them.
    private static func objects(of bucket: Bucket) -> Value {
        "arn:\(Aws.partition):s3:::\(bucket.name)/*"
    }

    var requirements: [any IdentifiedConstruct] {
        [bucket, resultWriter?.bucket].compactMap { $0 }
    }

    func validate(state: String, path: String) throws(SynthesisError) {
        if itemsPath != nil, itemReader != nil {
            throw SynthesisError(.invalidSetting, paths: [path], "the map '\(state)' reads its items from S3 or from itemsPath, not both")
        }
        if let percentage = toleratedFailurePercentage, !(0...100).contains(percentage) {
            throw SynthesisError(.invalidSetting, paths: [path], "toleratedFailurePercentage of '\(state)' must be between 0 and 100")
        }
        if let itemBatcher, itemBatcher.maxItemsPerBatch == nil, itemBatcher.maxInputBytesPerBatch == nil, itemBatcher.batchInput == nil {
            throw SynthesisError(
                .invalidSetting, paths: [path], "the item batcher of '\(state)' sets nothing; give maxItemsPerBatch, maxInputBytesPerBatch or batchInput")
        }
        if let bytes = itemBatcher?.maxInputBytesPerBatch, !(1...262_144).contains(bytes) {
            throw SynthesisError(.invalidSetting, paths: [path], "maxInputBytesPerBatch of '\(state)' must be 1 to 262,144 (256 KiB)")
        }
        if let maxConcurrency, !(1...10_000).contains(maxConcurrency) {
            throw SynthesisError(.invalidSetting, paths: [path], "maxConcurrency of the distributed map '\(state)' must be 1 to 10,000")
        }
        if let label, label.count > 40 || label.contains(where: { $0.isWhitespace || "<>{}[]?*\"#%\\^|~`$&,;:/".contains($0) }) {
            throw SynthesisError(
                .invalidSetting, paths: [path], "the label of '\(state)' must be at most 40 characters, without whitespace or special characters")
        }
    }

    /// The members after `ItemProcessor` and `MaxConcurrency`, in CDK's order.
    var trailingMembers: OrderedDictionary<String, Value> {
        var members = OrderedDictionary<String, Value>()
        members["ItemReader"] = itemReader.map(Self.render)
        members["ItemBatcher"] = itemBatcher?.value
        members["ToleratedFailurePercentage"] = toleratedFailurePercentage.map { .number($0) }
        members["ToleratedFailureCount"] = toleratedFailureCount.map { .number(Double($0)) }
        members["Label"] = label.map { .string($0) }
        if let resultWriter {
            var parameters: OrderedDictionary<String, Value> = ["Bucket": resultWriter.bucket.name]
            parameters["Prefix"] = resultWriter.prefix.map { .string($0) }
            members["ResultWriter"] = ["Resource": TaskIntegration.serviceResource("s3:putObject"), "Parameters": .object(parameters)]
        }
        return members
    }

    private static func render(_ reader: ItemReader) -> Value {
        var rendered = OrderedDictionary<String, Value>()
        var config = OrderedDictionary<String, Value>()
        var parameters = OrderedDictionary<String, Value>()
        switch reader {
        case .json(let bucket, let key, let maxItems):
            rendered["Resource"] = TaskIntegration.serviceResource("s3:getObject")
            config["InputType"] = "JSON"
            config["MaxItems"] = maxItems.map { .number(Double($0)) }
            parameters = ["Bucket": bucket.name, "Key": .string(key)]
        case .csv(let bucket, let key, let maxItems, let delimiter):
            rendered["Resource"] = TaskIntegration.serviceResource("s3:getObject")
            config["InputType"] = "CSV"
            config["MaxItems"] = maxItems.map { .number(Double($0)) }
            config["CSVDelimiter"] = delimiter.map { .string($0.rawValue) }
            config["CSVHeaderLocation"] = "FIRST_ROW"
            parameters = ["Bucket": bucket.name, "Key": .string(key)]
        case .objects(let bucket, let prefix, let maxItems):
            rendered["Resource"] = TaskIntegration.serviceResource("s3:listObjectsV2")
            config["MaxItems"] = maxItems.map { .number(Double($0)) }
            parameters["Bucket"] = bucket.name
            parameters["Prefix"] = prefix.map { .string($0) }
        }
        rendered["ReaderConfig"] = config.isEmpty ? nil : .object(config)
        rendered["Parameters"] = .object(parameters)
        return .object(rendered)
    }
}

extension State {
    /// A distributed `Map` state running `processor` as a child execution per item, the items read by
    /// `itemReader` (or found at `itemsPath`), the results written to `resultWriter`'s bucket.
    public static func distributedMap(
        _ name: String, itemReader: DistributedMap.ItemReader? = nil, itemsPath: String? = nil,
        itemSelector: Value? = nil, itemBatcher: DistributedMap.ItemBatcher? = nil,
        resultWriter: (bucket: Bucket, prefix: String?)? = nil, maxConcurrency: Int? = nil,
        toleratedFailurePercentage: Double? = nil, toleratedFailureCount: Int? = nil, label: String? = nil,
        executionType: DistributedMap.ExecutionType = .standard, processor: Chain,
        resultPath: String? = nil, comment: String? = nil
    ) -> State {
        State(
            name,
            .distributedMap(
                DistributedMap(
                    itemReader: itemReader, resultWriter: resultWriter, itemsPath: itemsPath, itemSelector: itemSelector,
                    itemBatcher: itemBatcher, maxConcurrency: maxConcurrency,
                    toleratedFailurePercentage: toleratedFailurePercentage, toleratedFailureCount: toleratedFailureCount,
                    label: label, executionType: executionType, processor: processor)),
            comment: comment, resultPath: resultPath)
    }
}
