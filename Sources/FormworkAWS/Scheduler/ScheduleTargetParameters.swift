import FormworkL1

/// What a schedule's destination writes in the schedule's `Target` besides its ARN: the parameters of its kind
/// (a queue's `SqsParameters`, a stream's `KinesisParameters`, ...), typed by the L1; the schedule writes the rest
/// (role, input, retry policy, dead letter).
public struct ScheduleTargetParameters: Sendable {
    /// `EcsParameters`, for an ECS task; `nil` (the default) writes none.
    public var ecsParameters: CfnScheduler.Schedule.EcsParameters?
    /// `EventBridgeParameters`, for an event bus; `nil` (the default) writes none.
    public var eventBridgeParameters: CfnScheduler.Schedule.EventBridgeParameters?
    /// `KinesisParameters`, for a Kinesis stream; `nil` (the default) writes none.
    public var kinesisParameters: CfnScheduler.Schedule.KinesisParameters?
    /// `SageMakerPipelineParameters`, for a SageMaker pipeline; `nil` (the default) writes none.
    public var sageMakerPipelineParameters: CfnScheduler.Schedule.SageMakerPipelineParameters?
    /// `SqsParameters`, for a queue; `nil` (the default) writes none.
    public var sqsParameters: CfnScheduler.Schedule.SqsParameters?

    /// The parameters given; none by default.
    public init(
        ecsParameters: CfnScheduler.Schedule.EcsParameters? = nil, eventBridgeParameters: CfnScheduler.Schedule.EventBridgeParameters? = nil,
        kinesisParameters: CfnScheduler.Schedule.KinesisParameters? = nil,
        sageMakerPipelineParameters: CfnScheduler.Schedule.SageMakerPipelineParameters? = nil, sqsParameters: CfnScheduler.Schedule.SqsParameters? = nil
    ) {
        self.ecsParameters = ecsParameters
        self.eventBridgeParameters = eventBridgeParameters
        self.kinesisParameters = kinesisParameters
        self.sageMakerPipelineParameters = sageMakerPipelineParameters
        self.sqsParameters = sqsParameters
    }
}
