import FormworkCore

extension Topic {
    /// An existing topic, named by its ARN (CDK's `Topic.fromTopicArn`): a topic for grants, subscriptions and rule,
    /// pipe and schedule targets that the stack does not declare.
    ///
    /// ```swift
    /// let alerts = Topic.fromTopicArn("Alerts", arn: "arn:aws:sns:us-east-1:123456789012:alerts")
    /// alerts.subscribe(pager)
    /// ```
    ///
    /// As in CDK, nothing is written for the topic itself, and nothing for its policy: grants go to the grantee's
    /// policy only, and what a rule target would add to the topic's policy is left to the topic's owner. ``Topic/arn`` is
    /// `arn` as given and ``Topic/name`` is read from it; a subscription to the topic names the topic's region (`Region`,
    /// read from `arn`), as CDK's does. The topic is FIFO when `arn` is text ending in `.fifo`. Its other settings are
    /// ignored.
    public static func fromTopicArn(_ id: String, arn: Value) -> Topic {
        var topic = Topic(id)
        topic.imported = ImportedArn(arn)
        if topic.imported?.text?.hasSuffix(".fifo") == true { topic.fifo = true }
        return topic
    }

    /// The `Region` CDK writes in a subscription to this topic: the region of an imported topic's ARN; `nil` for a
    /// topic the stack declares.
    var subscriptionRegion: Value? { imported?.component(3) }
}
