import FormworkTemplate

extension CheckRule {
    /// Pipes that read a DynamoDB or Kinesis stream keep the records that fail in a dead-letter target.
    public static let pipeStreamDeadLetter: CheckRule = CheckRule(
        id: "pipe-stream-dead-letter", summary: "Pipes reading a stream keep the records that fail.",
        pillar: "Reliability", severity: .warning,
        rationale:
            "A batch the enrichment or target keeps refusing blocks its shard until the records expire, then they are gone; a dead-letter target keeps them.",
        remedy: "Give the pipe's stream reading a dead letter: .dynamoDBStream(table, .init(startingPosition: .latest, deadLetter: .queue(failures)))."
    ) { template in
        template.resources(ofType: "AWS::Pipes::Pipe").compactMap { logicalId, pipe in
            let parameters = pipe.properties["SourceParameters"]
            guard let reading = parameters?["DynamoDBStreamParameters"] ?? parameters?["KinesisStreamParameters"],
                reading["DeadLetterConfig"]?["Arn"] == nil
            else { return nil }
            return pipeStreamDeadLetter.finding(logicalId, "the pipe reads a stream with no dead-letter target: records that keep failing are lost.")
        }
    }
}
