import FormworkCore
import FormworkTemplate
import Testing

/// Refuses buckets without versioning: a convention enforced in code.
private struct RequireVersionedBuckets: Aspect {
    func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError) {
        guard resource.type == "AWS::S3::Bucket", resource.properties["VersioningConfiguration"] == nil else { return }
        throw SynthesisError(.invalidSetting, paths: [path], "buckets must be versioned")
    }
}

/// Sets a property on every queue, and notes the order it ran in.
private struct SetVisibility: Aspect {
    let seconds: Double
    func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError) {
        guard resource.type == "AWS::SQS::Queue" else { return }
        resource.properties["VisibilityTimeout"] = .number(seconds)
    }
}

private struct Team: Component {
    let id = "Team"
    var body: [any Construct] {
        Resource("Queue", type: "AWS::SQS::Queue")
        ApplyAspect(SetVisibility(seconds: 60))
    }
}

/// Needs a construct of another stack in the app, as an edge between stacks does (a subscription to a
/// shared topic).
private struct Requiring: Construct {
    let id = "Requiring"
    let other: Resource
    func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(other)
    }
}

@Suite struct AspectTests {
    @Test func anAspectCanRefuseWhatATeamDoesNotAllowNamingThePath() {
        #expect {
            _ = try App {
                Stack("S") {
                    ApplyAspect(RequireVersionedBuckets())
                    Resource("Bucket", type: "AWS::S3::Bucket")
                }
            }.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.paths == ["S/Bucket"] && (error as? SynthesisError)?.message == "buckets must be versioned"
        }
    }

    @Test func anInnerScopesAspectRunsAfterAnOuterOnesWhereverItIsListed() throws {
        let assembly = try App {
            Stack("S") {
                Team()
                ApplyAspect(SetVisibility(seconds: 30))
                Resource("Other", type: "AWS::SQS::Queue")
            }
        }.synthesize()
        let template = assembly.stacks[0].template
        let teamQueue = template.resources.first { $0.key.hasPrefix("TeamQueue") }?.value
        #expect(teamQueue?.properties["VisibilityTimeout"] == 60)
        #expect(template.resources["Other"]?.properties["VisibilityTimeout"] == 30)
    }

    @Test func anAspectInAComponentOfAStackThatReferencesAnotherVisitsThatComponentOnly() throws {
        let shared = Resource("Shared", type: "AWS::SQS::Queue")
        let assembly = try App {
            Stack("First") {
                shared
                Resource("Other", type: "AWS::SQS::Queue")
            }
            Stack("Second") {
                Resource("Outside", type: "AWS::SQS::Queue")
                Team()
                Requiring(other: shared)
            }
        }.synthesize()
        let first = assembly.stacks[0].template, second = assembly.stacks[1].template
        #expect(first.resources.values.allSatisfy { $0.properties["VisibilityTimeout"] == nil })
        #expect(second.resources["Outside"]?.properties["VisibilityTimeout"] == nil)
        #expect(second.resources.first { $0.key.hasPrefix("TeamQueue") }?.value.properties["VisibilityTimeout"] == 60)
    }

    @Test func anAspectOnAConstructVisitsOnlyItsResources() throws {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        let assembly = try App {
            Stack("S") {
                queue
                Resource("Other", type: "AWS::SQS::Queue")
                ApplyAspect(SetVisibility(seconds: 45), to: queue)
            }
        }.synthesize()
        #expect(assembly.stacks[0].template.resources["Queue"]?.properties["VisibilityTimeout"] == 45)
        #expect(assembly.stacks[0].template.resources["Other"]?.properties["VisibilityTimeout"] == nil)
    }

    @Test func aTagOnAWholeStackIsAStackTagTooWithItsOwnTags() throws {
        let assembly = try App {
            Stack("S", tags: ["stack": "s1", "b": "x"]) {
                Resource("Queue", type: "AWS::SQS::Queue")
                Tag("team", "orders")
                Tag("Alpha", "1")
                Tag("b", "low", priority: 10)
            }
        }.synthesize()
        #expect(assembly.stacks[0].tags == ["Alpha": "1", "b": "x", "stack": "s1", "team": "orders"])
        #expect(
            assembly.stacks[0].template.resources["Queue"]?.properties["Tags"]
                == [["Key": "Alpha", "Value": "1"], ["Key": "b", "Value": "low"], ["Key": "team", "Value": "orders"]])
    }

    /// CDK's `@aws-cdk/core:explicitStackTags` (written by `cdk init`): the stack's tags are its own; the tag on the whole
    /// stack still tags its resources.
    @Test func withExplicitStackTagsATagOnAWholeStackIsNotAStackTag() throws {
        let assembly = try App(defaults: .cdk(flags: FeatureFlags(["@aws-cdk/core:explicitStackTags": true]))) {
            Stack("S", tags: ["stack": "s1"]) {
                Resource("Queue", type: "AWS::SQS::Queue")
                Tag("team", "orders")
            }
        }.synthesize()
        #expect(assembly.stacks[0].tags == ["stack": "s1"])
        #expect(assembly.stacks[0].template.resources["Queue"]?.properties["Tags"] == [["Key": "team", "Value": "orders"]])
    }

    @Test func aTagMergesWithTagsTheResourceWroteAndLeavesNonTaggableTypesAlone() throws {
        let assembly = try App {
            Stack("S") {
                Resource("Queue", type: "AWS::SQS::Queue", properties: ["Tags": [["Key": "owner", "Value": "me"], ["Key": "team", "Value": "mine"]]])
                Resource("Policy", type: "AWS::SQS::QueuePolicy", properties: ["Queues": ["q"], "PolicyDocument": ["Statement": []]])
                Tag("team", "orders")
            }
        }.synthesize()
        let template = assembly.stacks[0].template
        #expect(template.resources["Queue"]?.properties["Tags"] == [["Key": "owner", "Value": "me"], ["Key": "team", "Value": "orders"]])
        #expect(template.resources["Policy"]?.properties["Tags"] == nil)
    }

    @Test func aTagCannotMergeWithTagsGivenAsAnIntrinsic() {
        #expect {
            _ = try App {
                Stack("S") {
                    Resource("Queue", type: "AWS::SQS::Queue", properties: ["Tags": .intrinsic("Fn::If", ["C", [], []])])
                    Tag("team", "orders")
                }
            }.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.paths == ["S/Queue"]
        }
    }
}
