import FormworkCore

extension Stream {
    /// Kinesis stream metrics (`AWS/Kinesis`), with the statistic CDK uses for each: the maximum for the iterator
    /// age, the average for the rest.
    public enum MetricName: String, Sendable, CaseIterable {
        /// How far behind the newest record the oldest record read is, in milliseconds (`GetRecords.IteratorAgeMilliseconds`).
        case getRecordsIteratorAgeMilliseconds = "GetRecords.IteratorAgeMilliseconds"
        /// Bytes read per `GetRecords` call (`GetRecords.Bytes`).
        case getRecordsBytes = "GetRecords.Bytes"
        /// Time per `GetRecords` call, in milliseconds (`GetRecords.Latency`).
        case getRecordsLatency = "GetRecords.Latency"
        /// Records read per `GetRecords` call (`GetRecords.Records`).
        case getRecords = "GetRecords.Records"
        /// `GetRecords` calls that succeeded (`GetRecords.Success`).
        case getRecordsSuccess = "GetRecords.Success"
        /// Bytes put on the stream (`IncomingBytes`).
        case incomingBytes = "IncomingBytes"
        /// Records put on the stream (`IncomingRecords`).
        case incomingRecords = "IncomingRecords"
        /// Bytes per `PutRecord` call (`PutRecord.Bytes`).
        case putRecordBytes = "PutRecord.Bytes"
        /// Time per `PutRecord` call, in milliseconds (`PutRecord.Latency`).
        case putRecordLatency = "PutRecord.Latency"
        /// `PutRecord` calls that succeeded (`PutRecord.Success`).
        case putRecordSuccess = "PutRecord.Success"
        /// Bytes per `PutRecords` call (`PutRecords.Bytes`).
        case putRecordsBytes = "PutRecords.Bytes"
        /// Records of `PutRecords` calls refused for an internal failure (`PutRecords.FailedRecords`).
        case putRecordsFailedRecords = "PutRecords.FailedRecords"
        /// Time per `PutRecords` call, in milliseconds (`PutRecords.Latency`).
        case putRecordsLatency = "PutRecords.Latency"
        /// `PutRecords` calls with at least one record put (`PutRecords.Success`).
        case putRecordsSuccess = "PutRecords.Success"
        /// Records put by `PutRecords` calls (`PutRecords.SuccessfulRecords`).
        case putRecordsSuccessfulRecords = "PutRecords.SuccessfulRecords"
        /// Records of `PutRecords` calls refused for throughput (`PutRecords.ThrottledRecords`).
        case putRecordsThrottledRecords = "PutRecords.ThrottledRecords"
        /// Records sent in `PutRecords` calls (`PutRecords.TotalRecords`).
        case putRecordsTotalRecords = "PutRecords.TotalRecords"
        /// Reads refused for throughput (`ReadProvisionedThroughputExceeded`).
        case readProvisionedThroughputExceeded = "ReadProvisionedThroughputExceeded"
        /// Writes refused for throughput (`WriteProvisionedThroughputExceeded`).
        case writeProvisionedThroughputExceeded = "WriteProvisionedThroughputExceeded"

        var statistic: Metric.Statistic {
            self == .getRecordsIteratorAgeMilliseconds ? .maximum : .average
        }
    }

    /// A metric of this stream (`AWS/Kinesis`, dimension `StreamName`), as CDK's `Stream.metric…` writes it.
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        .of("AWS/Kinesis", name.rawValue, dimensions: [("StreamName", self.name)], usual: name.statistic, statistic: statistic, period: period)
    }
}
