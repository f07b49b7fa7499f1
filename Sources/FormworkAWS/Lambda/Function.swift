import FormworkCore
import FormworkL1
import OrderedCollections

/// A Lambda function with the service role CDK creates for it (CDK's `lambda.Function`).
///
/// ```swift
/// let worker = Function("Worker", runtime: .nodejs22, handler: "index.handler",
///                       code: .inline("exports.handler = async () => ({});"),
///                       timeout: .seconds(60), environment: ["TABLE_NAME": table.name], tracing: .active)
/// ```
///
/// The role (`<Function>/ServiceRole`) trusts `lambda.amazonaws.com` and has `AWSLambdaBasicExecutionRole`;
/// grants to the function add statements to its default policy, and the function waits for both.
public struct Function: GrantPrincipal {
    public let id: String
    public let identity = ConstructIdentity()
    /// The language runtime the function runs on (`Runtime`); required.
    public var runtime: Runtime
    /// The entry point Lambda calls (`Handler`), in the runtime's form: `index.handler` for Node.js (file and
    /// export), `app.handler` for Python, `package.Class::method` for Java; up to 128 characters.
    public var handler: String
    /// Where the function's code comes from (`Code`); required.
    public var code: Code
    /// The memory given to the function in MB (`MemorySize`), 128 to 10,240; CPU grows with it. `nil`: not
    /// written, so Lambda's 128 MB, as in CDK.
    public var memorySize: Int?
    /// How long an invocation may run before Lambda stops it (`Timeout`, in whole seconds): 1 second to 15 minutes;
    /// `nil`: not written, so Lambda's 3 seconds, as in CDK.
    public var timeout: Duration?
    /// Environment variables (`Environment.Variables`), written sorted by name; none unless given. Together at most
    /// 4 KB.
    public var environment: OrderedDictionary<String, Value>
    /// X-Ray tracing (`TracingConfig.Mode`); given either mode, the role may also send traces to X-Ray. `nil`: not
    /// written (no tracing), as in CDK.
    public var tracing: Tracing?
    /// Concurrent executions set aside for the function and also its limit (`ReservedConcurrentExecutions`), 0 or
    /// more; 0 stops all invocations. `nil`: none reserved; the function shares the account's unreserved pool.
    public var reservedConcurrentExecutions: Int?
    /// The function's `Description`, up to 256 characters; `nil`: none.
    public var description: String?
    /// The function's name (`FunctionName`): 1 to 64 letters, digits, `-` or `_`; `nil`: CloudFormation generates
    /// one. A named function cannot take an update that replaces it.
    public var functionName: String?
    /// The instruction set (`Architectures`); `nil`: not written, so Lambda's ``Architecture/x86_64``, as in CDK.
    public var architecture: Architecture?
    /// Where failed asynchronous invocations go (`DeadLetterConfig`).
    public var deadLetterQueue: Queue?
    /// The retention of the function's log group `/aws/lambda/<name>`; `nil`: none set, so Lambda creates the group
    /// on first use and keeps its logs forever. The Formwork profile declares the group (`AWS::Logs::LogGroup`, owned by
    /// the stack); the CDK profile sets the retention through CDK's `Custom::LogRetention` and its provider, so that a
    /// migrated app keeps the group Lambda already made.
    public var logRetention: LogGroup.Retention?
    /// Retries and destinations of asynchronous invocations.
    public var asyncInvocation: AsyncInvocation?
    /// Layers whose content the function sees under `/opt`, in order (at most 5).
    public var layers: [LayerVersion]
    /// The size of `/tmp` in MB (512–10,240); Lambda's 512 when not given.
    public var ephemeralStorageSize: Int?
    /// The customer managed key the environment variables are encrypted with at rest.
    public var environmentEncryption: Key?
    /// Whether published versions start from a snapshot (SnapStart: Java, Python 3.12+, .NET 8).
    public var snapStart: Bool
    /// The VPC subnets the function runs in, with its security groups.
    public var vpc: VpcPlacement?

    /// Where in a VPC a function runs: an existing VPC and subnets by id, and its security groups (an
    /// automatic one at `<Function>/SecurityGroup` when none is given, as CDK). The role gets
    /// `AWSLambdaVPCAccessExecutionRole`.
    public struct VpcPlacement: Sendable {
        /// The id of the VPC (`vpc-...`), where the automatic security group is made.
        public var vpcId: String
        /// The ids of the subnets the function's network interfaces go in (`VpcConfig.SubnetIds`): 1 to 16; private
        /// subnets with a NAT gateway or VPC endpoints, for the function to reach AWS.
        public var subnetIds: [String]
        /// The groups of the function's network interfaces (`VpcConfig.SecurityGroupIds`), at most 5; empty: one
        /// automatic group made at `<Function>/SecurityGroup`.
        public var securityGroups: [SecurityGroup]
        /// Whether the automatic group lets all traffic out.
        public var allowAllOutbound: Bool

        /// A placement in `subnetIds` of `vpcId`.
        ///
        /// - Parameter allowAllOutbound: Whether the automatic group lets all traffic out; ignored when
        ///   `securityGroups` are given.
        public init(vpcId: String, subnetIds: [String], securityGroups: [SecurityGroup] = [], allowAllOutbound: Bool = true) {
            self.vpcId = vpcId
            self.subnetIds = subnetIds
            self.securityGroups = securityGroups
            self.allowAllOutbound = allowAllOutbound
        }
    }
    /// The role the function runs with.
    public let role: Role
    /// Whether `@aws-cdk/aws-lambda:useCdkManagedLogGroup` gives the function a log group; `false` for a provider
    /// that CDK declares without one (``LogRetentionProvider``).
    var takesManagedLogGroup = true
    /// The existing function this value stands for (``Function/fromFunctionArn(_:arn:)``); `nil` for a function the
    /// stack declares.
    public internal(set) var imported: ImportedArn?
    /// For an imported function, whether edges add their `AWS::Lambda::Permission`s to it whatever its ARN says
    /// (``Function/fromFunctionAttributes(_:arn:sameEnvironment:)``); `nil`: decided from its ARN.
    var importedSameEnvironment: Bool?

    /// A function running `handler` of `code` on `runtime`.
    public init(
        _ id: String,
        runtime: Runtime,
        handler: String,
        code: Code,
        memorySize: Int? = nil,
        timeout: Duration? = nil,
        environment: OrderedDictionary<String, Value> = [:],
        tracing: Tracing? = nil,
        reservedConcurrentExecutions: Int? = nil,
        description: String? = nil,
        functionName: String? = nil,
        architecture: Architecture? = nil,
        deadLetterQueue: Queue? = nil,
        logRetention: LogGroup.Retention? = nil,
        asyncInvocation: AsyncInvocation? = nil,
        layers: [LayerVersion] = [],
        ephemeralStorageSize: Int? = nil,
        environmentEncryption: Key? = nil,
        snapStart: Bool = false,
        vpc: VpcPlacement? = nil
    ) {
        self.id = id
        self.runtime = runtime
        self.handler = handler
        self.code = code
        self.memorySize = memorySize
        self.timeout = timeout
        self.environment = environment
        self.tracing = tracing
        self.reservedConcurrentExecutions = reservedConcurrentExecutions
        self.description = description
        self.functionName = functionName
        self.architecture = architecture
        self.deadLetterQueue = deadLetterQueue
        self.logRetention = logRetention
        self.asyncInvocation = asyncInvocation
        self.layers = layers
        self.ephemeralStorageSize = ephemeralStorageSize
        self.environmentEncryption = environmentEncryption
        self.snapStart = snapStart
        self.vpc = vpc
        self.role = Role(
            "ServiceRole", assumedBy: "lambda.amazonaws.com",
            managedPolicyArns: [Role.awsManagedPolicy("service-role/AWSLambdaBasicExecutionRole")]
                + (vpc == nil ? [] : [Role.awsManagedPolicy("service-role/AWSLambdaVPCAccessExecutionRole")]))
    }

    /// `{"Ref": function}`: the function name; for an imported function, the seventh part of its ARN, as CDK reads
    /// it (`Fn::Select` of `Fn::Split` unless the ARN is plain text).
    public var name: Value { imported?.splitPart(6) ?? .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The function's ARN; for an imported function, the ARN it was imported with.
    public var arn: Value {
        imported?.arn ?? .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnLambda.Function.Attribute.arn.rawValue)))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let imported {
            // CDK declares nothing for an imported function: no role, no log group, no permissions but those it
            // can tell are in its own account (``Function/createsPermissions(in:)``).
            try imported.validate(at: scope)
            try validateImportedName(at: scope)
            return
        }
        try PropertyChecks.check(memorySize, in: 128...10_240, "memorySize", unit: " MB", at: scope)
        try PropertyChecks.check(timeout?.wholeSeconds, in: 1...900, "timeout", unit: " s", at: scope)
        try PropertyChecks.check(reservedConcurrentExecutions, in: 0...Int.max, "reservedConcurrentExecutions", at: scope)
        try PropertyChecks.check(layers.count, in: 0...5, "layers (count)", at: scope)
        try PropertyChecks.check(ephemeralStorageSize, in: 512...10_240, "ephemeralStorageSize", unit: " MB", at: scope)
        if snapStart, !runtime.supportsSnapStart {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "SnapStart is for Java, Python 3.12 and later, and .NET 8 runtimes; \(runtime.name) has none")
        }
        try scope.add(role)
        if let deadLetterQueue {
            // CDK's first `addToRolePolicy` call: the dead-letter queue's, before tracing's.
            scope.require(deadLetterQueue)
            try addToRolePolicy(PolicyStatement(actions: ["sqs:SendMessage"], resources: [deadLetterQueue.arn]), in: scope)
        }
        if tracing != nil {
            // CDK grants the X-Ray actions for either mode: a pass-through function still sends segments.
            try addToRolePolicy(PolicyStatement(actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources: ["*"]), in: scope)
        }
        let (codeProperty, asset) = try code.properties(in: scope)
        var function = CfnLambda.Function(code: codeProperty, role: role.arn)
        function.architectures = architecture.map { [.string($0.rawValue)] }
        function.deadLetterConfig = deadLetterQueue.map { CfnLambda.Function.DeadLetterConfig(targetArn: $0.arn) }
        function.description = description.map { .string($0) }
        // CDK writes the variables sorted by name (its function hash of `currentVersion` depends on it).
        function.environment =
            environment.isEmpty
            ? nil
            : CfnLambda.Function.Environment(
                variables: .object(OrderedDictionary(uniqueKeysWithValues: environment.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
        function.ephemeralStorage = ephemeralStorageSize.map { CfnLambda.Function.EphemeralStorage(size: .number(Double($0))) }
        function.functionName = functionName.map { .string($0) }
        function.handler = .string(handler)
        function.kmsKeyArn = environmentEncryption?.arn
        // With `recognizeLayerVersion`, CDK lists the layers by construct path; one stack's layers sort by id.
        let listed = scope.defaults.isEnabled(.lambdaRecognizeLayerVersion) ? layers.sorted { $0.id < $1.id } : layers
        function.layers = listed.isEmpty ? nil : .array(listed.map(\.arn))
        function.memorySize = memorySize.map { .number(Double($0)) }
        function.reservedConcurrentExecutions = reservedConcurrentExecutions.map { .number(Double($0)) }
        function.runtime = .string(runtime.name)
        function.snapStart = snapStart ? CfnLambda.Function.SnapStart(applyOn: "PublishedVersions") : nil
        function.timeout = timeout.map { .number(Double($0.wholeSeconds)) }
        function.tracingConfig = tracing.map { CfnLambda.Function.TracingConfig(mode: .string($0.rawValue)) }
        function.vpcConfig = try vpc.map { placement throws(SynthesisError) in try vpcConfig(placement, in: scope) }
        // With an asset, CDK's `aws:asset:*` metadata names the function's `Code` (`cdk synth` writes it by default).
        try scope.declareResource(function, dependencies: [Dependency(on: role)], metadata: scope.assetMetadata(asset, property: "Code"))
        try declareInvocationSettings(in: scope)
    }

    /// `VpcConfig`: the subnets, and the given groups or the automatic one (declared here).
    private func vpcConfig(_ placement: VpcPlacement, in scope: ConstructScope) throws(SynthesisError) -> CfnLambda.Function.VpcConfig {
        guard !placement.subnetIds.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a function in a VPC needs at least one subnet")
        }
        let subnets = Value.array(placement.subnetIds.map { .string($0) })
        guard placement.securityGroups.isEmpty else {
            for group in placement.securityGroups { scope.require(group) }
            return CfnLambda.Function.VpcConfig(securityGroupIds: .array(placement.securityGroups.map(\.groupId)), subnetIds: subnets)
        }
        let automatic = SecurityGroup("SecurityGroup", vpcId: placement.vpcId, allowAllOutbound: placement.allowAllOutbound)
        try automatic.declare(in: try scope.child("SecurityGroup"), description: "Automatic security group for Lambda Function \(scope.uniqueId)")
        let automaticGroupId = Value.reference(
            Reference(to: self, element: ["SecurityGroup", "Resource"], form: .getAtt(CfnEC2.SecurityGroup.Attribute.groupId.rawValue)))
        return CfnLambda.Function.VpcConfig(securityGroupIds: .array([automaticGroupId]), subnetIds: subnets)
    }
}

extension Function {
    /// A Lambda runtime, by its CloudFormation name.
    public struct Runtime: Sendable, Hashable {
        /// The runtime's identifier as CloudFormation's `Runtime` takes it, such as `nodejs22.x` or `python3.13`.
        public var name: String
        /// A runtime by its identifier, for one without a constant here (such as `dotnet8`).
        public init(_ name: String) { self.name = name }

        /// Deprecated by Lambda since 2026-04-30; `check` reports it as an error.
        public static let nodejs20 = Runtime("nodejs20.x")
        /// Node.js 22 (`nodejs22.x`).
        public static let nodejs22 = Runtime("nodejs22.x")
        /// Node.js 24 (`nodejs24.x`).
        public static let nodejs24 = Runtime("nodejs24.x")
        /// Python 3.12 (`python3.12`).
        public static let python312 = Runtime("python3.12")
        /// Python 3.13 (`python3.13`).
        public static let python313 = Runtime("python3.13")
        /// Python 3.14 (`python3.14`).
        public static let python314 = Runtime("python3.14")
        /// An OS-only runtime on Amazon Linux 2023, for a custom runtime or a compiled `bootstrap` (`provided.al2023`).
        public static let providedAL2023 = Runtime("provided.al2023")
        /// Java 21 (`java21`).
        public static let java21 = Runtime("java21")
        /// Java 25 (`java25`).
        public static let java25 = Runtime("java25")
        /// Ruby 3.4 (`ruby3.4`).
        public static let ruby34 = Runtime("ruby3.4")

        /// Whether Lambda offers SnapStart for the runtime: Java 11 and later, Python 3.12 and later, .NET 8.
        public var supportsSnapStart: Bool {
            if name.hasPrefix("java"), let version = Int(name.dropFirst(4).prefix { $0.isNumber }) { return version >= 11 }
            if name.hasPrefix("python3."), let minor = Int(name.dropFirst(8)) { return minor >= 12 }
            return name == "dotnet8"
        }
    }

    /// Where the function's code is.
    public enum Code: Sendable, Equatable {
        /// Source written into the template (`Code.ZipFile`), up to 4 KB.
        case inline(String)
        /// A folder (relative to the working directory), zipped and uploaded to the bootstrap bucket by
        /// `cdk deploy`, under a key that is its content hash.
        case asset(String)
        /// A zip file in S3.
        case s3(bucket: String, key: String)

        /// `Code` as the function's template writes it: the source (`ZipFile`), or the zip's `S3Bucket` and `S3Key`;
        /// with the asset declared in `scope` for `.asset`.
        func properties(in scope: ConstructScope) throws(SynthesisError) -> (code: CfnLambda.Function.Code, asset: FileAsset?) {
            if case .inline(let source) = self {
                if source.utf8.count > 4_096 {
                    throw SynthesisError(
                        .invalidSetting, paths: [scope.path], "inline code is at most 4096 bytes; it is \(source.utf8.count); use .asset(folder)")
                }
                return (CfnLambda.Function.Code(zipFile: .string(source)), nil)
            }
            let location = try s3Location(in: scope)
            return (CfnLambda.Function.Code(s3Bucket: location?.bucket, s3Key: location?.key), location?.asset)
        }

        /// The zip's bucket and key in S3 (for `.asset`, the bootstrap bucket and the content hash, with the asset
        /// declared in `scope`); `nil` for inline code.
        func s3Location(in scope: ConstructScope) throws(SynthesisError) -> (bucket: Value, key: Value, asset: FileAsset?)? {
            switch self {
            case .inline:
                return nil
            case .asset(let path):
                let asset = try scope.directoryAsset(path, role: "Code")
                return (asset.bucketName, .string(asset.objectKey), asset)
            case .s3(let bucket, let key):
                return (.string(bucket), .string(key), nil)
            }
        }
    }

    /// X-Ray tracing mode.
    public enum Tracing: String, Sendable {
        /// Lambda samples incoming requests and sends their traces to X-Ray (`Active`).
        case active = "Active"
        /// Lambda traces a request only when the caller's trace header says it was sampled (`PassThrough`).
        case passThrough = "PassThrough"
    }

    /// The instruction set the function runs on.
    public enum Architecture: String, Sendable {
        /// 64-bit x86 processors (`x86_64`), Lambda's default.
        case x86_64
        /// 64-bit ARM processors, AWS Graviton (`arm64`).
        case arm64
    }
}
