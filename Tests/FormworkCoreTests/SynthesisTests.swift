import FormworkCore
import FormworkTemplate
import Testing

@Suite struct SynthesisTests {
    func synthesize(@ConstructBuilder _ content: () -> [any Construct]) throws -> Template {
        let assembly = try App { Stack("Test", content: content) }.synthesize()
        return try #require(assembly.stacks.first).template
    }

    func synthesisError(_ app: App) -> SynthesisError? {
        do {
            _ = try app.synthesize()
            return nil
        } catch {
            return error
        }
    }

    @Test func resourcesComeOutInTreeOrderWithCDKLogicalIds() throws {
        let template = try synthesize {
            Group("MyQueue") { Resource("Resource", type: "AWS::SQS::Queue") }
            Resource("Top", type: "AWS::SNS::Topic")
        }
        #expect(template.resources.keys.elements == ["MyQueueE6CA6235", "Top"])
    }

    @Test func propertiesAreSortedExceptForCustomResources() throws {
        let template = try synthesize {
            Resource("Q", type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": 30, "DelaySeconds": 1])
            Resource("C", type: "Custom::Thing", properties: ["Z": 1, "A": 2])
        }
        #expect(template.resources["Q"]?.properties.keys.elements == ["DelaySeconds", "VisibilityTimeout"])
        #expect(template.resources["C"]?.properties.keys.elements == ["Z", "A"])
    }

    @Test func aReferencedButUnlistedConstructIsIncludedBeforeItsFirstUser() throws {
        let template = try synthesize {
            Group("Orders") {
                let dlq = Resource("DLQ", type: "AWS::SQS::Queue")
                Resource("First", type: "AWS::SNS::Topic")
                Resource("Queue", type: "AWS::SQS::Queue", properties: ["RedrivePolicy": ["deadLetterTargetArn": dlq.getAtt("Arn")]])
            }
        }
        let dlqId = try #require(LogicalId.make(["Orders", "DLQ"]))
        #expect(template.resources.keys.elements == [LogicalId.make(["Orders", "First"]), dlqId, LogicalId.make(["Orders", "Queue"])])
        #expect(template.resources[LogicalId.make(["Orders", "Queue"])!]?.properties["RedrivePolicy"] == ["deadLetterTargetArn": .getAtt(dlqId, "Arn")])
    }

    @Test func aConstructReferencedFromTwoScopesButListedInNoneIsAnError() {
        let shared = Resource("Shared", type: "AWS::SNS::Topic")
        let error = synthesisError(
            App {
                Stack("A") { Output("O", value: shared.ref) }
                Stack("B") { Output("O", value: shared.ref) }
            })
        #expect(error?.code == .unlistedSharedConstruct)
        #expect(error?.paths == ["A/O", "B/O"])
    }

    @Test func lookAlikeConstructsInTwoStacksAreTwoNodes() throws {
        let first = Resource("Queue", type: "AWS::SQS::Queue")
        let second = Resource("Queue", type: "AWS::SQS::Queue")
        let assembly = try App {
            Stack("A") {
                first
                Output("Url", value: first.ref)
            }
            Stack("B") {
                second
                Output("Url", value: second.ref)
            }
        }.synthesize()
        for stack in assembly.stacks {
            #expect(stack.template.outputs["Url"]?.value == .ref("Queue"))
            #expect(stack.dependencies.isEmpty)
        }
    }

    @Test func twoConstructsWithTheSameIdInOneScopeAreAnError() {
        let error = synthesisError(
            App {
                Stack("S") {
                    Resource("Queue", type: "AWS::SQS::Queue")
                    Resource("Queue", type: "AWS::SQS::Queue")
                }
            })
        #expect(error?.code == .duplicateId)
        #expect(error?.paths == ["S/Queue"])
    }

    @Test func aDuplicateIdAmongManySiblingsIsAnError() {
        let error = synthesisError(
            App {
                Stack("S") {
                    for index in 0..<20 { Resource("Queue\(index)", type: "AWS::SQS::Queue") }
                    Resource("Queue3", type: "AWS::SQS::Queue")
                }
            })
        #expect(error?.code == .duplicateId)
        #expect(error?.paths == ["S/Queue3"])
    }

    @Test func theSameConstructListedInTwoPlacesIsAnError() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        let error = synthesisError(
            App {
                Stack("S") {
                    queue
                    Group("Inner") { queue }
                }
            })
        #expect(error?.code == .listedTwice)
        #expect(error?.paths == ["S/Queue", "S/Inner/Queue"])
    }

    @Test func twoElementsWithOneLogicalIdNameBothPaths() {
        let error = synthesisError(
            App {
                Stack("S") {
                    Resource("A", type: "AWS::SQS::Queue").logicalId("Same")
                    Resource("B", type: "AWS::SQS::Queue").logicalId("Same")
                }
            })
        #expect(error?.code == .duplicateLogicalId)
        #expect(error?.paths == ["S/A", "S/B"])
    }

    @Test func anInvalidExplicitLogicalIdIsRejected() {
        let error = synthesisError(App { Stack("S") { Resource("A", type: "AWS::SQS::Queue").logicalId("not-valid") } })
        #expect(error?.code == .invalidLogicalId)
    }

    @Test func resourcesReferencingEachOtherAreACycleNamingTheirPaths() {
        let error = synthesisError(
            App {
                Stack("S") {
                    Resource("A", type: "AWS::SNS::Topic", properties: ["DisplayName": Value.getAtt("B", "TopicName")])
                    Resource("B", type: "AWS::SNS::Topic", properties: ["DisplayName": Value.getAtt("A", "TopicName")])
                }
            })
        #expect(error?.code == .resourceCycle)
        #expect(error?.paths == ["S/A", "S/B"])
    }

    @Test func dependsOnLeavesOutWhatAReferenceImplies() throws {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        let bucket = Resource("Bucket", type: "AWS::S3::Bucket")
        let template = try synthesize {
            topic
            queue
            bucket
            Resource(
                "Subscription", type: "AWS::SNS::Subscription",
                properties: [
                    "Endpoint": queue.getAtt("Arn"), "Protocol": "sqs", "TopicArn": topic.ref,
                ]
            ).dependsOn(topic, queue, bucket)
        }
        #expect(template.resources["Subscription"]?.dependsOn == ["Bucket"])
    }

    @Test func dependsOnIsSortedByConstructPath() throws {
        let zeta = Resource("Zeta", type: "AWS::SNS::Topic")
        let alpha = Group("alpha") { Resource("Topic", type: "AWS::SNS::Topic") }
        let handle = GroupHandle(group: alpha)
        let template = try synthesize {
            zeta
            handle
            Resource("After", type: "AWS::SNS::Topic").dependsOn(zeta, handle)
        }
        let alphaTopic = try #require(LogicalId.make(["alpha", "Topic"]))
        #expect(template.resources["After"]?.dependsOn == [alphaTopic, "Zeta"])
    }

    @Test func invalidPropertiesStopSynthesisNamingEveryConstructPath() {
        let error = synthesisError(
            App {
                Stack("S") {
                    Group("Orders") {
                        Resource("Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 901])
                        Resource("Topic", type: "AWS::SNS::Topic", properties: ["DisplayNam": "x"])
                    }
                }
            })
        #expect(error?.code == .invalidTemplate)
        #expect(error?.paths == ["S/Orders/Queue"])
        #expect(error?.message == "Properties.DelaySeconds: 901 is above the maximum 900 [range]")
        #expect(error?.additionalErrors.map(\.paths) == [["S/Orders/Topic"]])
        #expect(error?.description.contains("Did you mean 'DisplayName'?") == true)
    }

    @Test func aStackCloseToTheResourceLimitSynthesizesWithAWarning() throws {
        let assembly = try App {
            Stack("Big") { for index in 0..<450 { Resource("Topic\(index)", type: "AWS::SNS::Topic") } }
        }.synthesize()
        #expect(assembly.warnings == ["warning[limit]: Big: the template has 450 resources, close to CloudFormation's limit of 500"])
    }

    @Test func dependingOnAGroupDependsOnEveryResourceInIt() throws {
        let pair = GroupHandle(
            group: Group("Pair") {
                Resource("One", type: "AWS::SNS::Topic")
                Resource("Two", type: "AWS::SNS::Topic")
            })
        let template = try synthesize {
            pair
            Resource("After", type: "AWS::SNS::Topic").dependsOn(pair)
        }
        #expect(template.resources["After"]?.dependsOn == [["Pair", "One"], ["Pair", "Two"]].compactMap(LogicalId.make))
    }

    @Test func overridesAreMergedLastAndCanRemoveKeys() throws {
        let template = try synthesize {
            Resource("Q", type: "AWS::SQS::Queue", properties: ["RedrivePolicy": ["maxReceiveCount": 3], "DelaySeconds": 5])
                .propertyOverride("RedrivePolicy.maxReceiveCount", 5)
                .propertyOverride("DelaySeconds", nil)
                .override("UpdateReplacePolicy", "Retain")
        }
        let queue = try #require(template.resources["Q"])
        #expect(queue.properties == ["RedrivePolicy": ["maxReceiveCount": 5]])
        #expect(queue.updateReplacePolicy == "Retain")
    }

    @Test func parametersConditionsMappingsAndOutputsResolveToTheirLogicalIds() throws {
        let stage = Parameter("Stage", default: "dev", allowedValues: ["dev", "prod"])
        let isProd = Condition("IsProd", .equals(stage.value, "prod"))
        let sizes = Mapping("Sizes", ["prod": ["Memory": 1024], "dev": ["Memory": 256]])
        let queue = Resource(
            "Queue", type: "AWS::SQS::Queue",
            properties: [
                "DelaySeconds": .if(isProd, 0, 5),
                "MaximumMessageSize": sizes.find(stage.value, "Memory"),
            ]
        ).condition(isProd)
        let template = try synthesize {
            stage
            isProd
            sizes
            queue
            Output("Url", value: queue.ref, description: "queue", condition: isProd)
        }
        #expect(template.parameters["Stage"]?.allowedValues == ["dev", "prod"])
        #expect(template.conditions["IsProd"] == .equals(.ref("Stage"), "prod"))
        #expect(template.mappings["Sizes"] == ["prod": ["Memory": 1024], "dev": ["Memory": 256]])
        #expect(template.resources["Queue"]?.properties["DelaySeconds"] == .if("IsProd", 0, 5))
        #expect(template.resources["Queue"]?.properties["MaximumMessageSize"] == .findInMap("Sizes", .ref("Stage"), "Memory"))
        #expect(template.resources["Queue"]?.condition == "IsProd")
        #expect(template.outputs["Url"] == Template.Output(value: .ref("Queue"), description: "queue", condition: "IsProd"))
    }

    @Test func removalPoliciesWriteBothAttributes() throws {
        let template = try synthesize {
            Resource("A", type: "AWS::SQS::Queue").removalPolicy(.retainOnUpdateOrDelete)
        }
        #expect(template.resources["A"]?.updateReplacePolicy == "Retain")
        #expect(template.resources["A"]?.deletionPolicy == "RetainExceptOnCreate")
    }

    @Test func aGetAttOnAParameterIsAnInvalidReference() {
        struct Broken: IdentifiedConstruct {
            let id = "Broken"
            let identity = ConstructIdentity()
            func expand(in scope: ConstructScope) throws(SynthesisError) {
                try scope.declare(.parameter(.init(type: "String")))
            }
        }
        let broken = Broken()
        let error = synthesisError(
            App {
                Stack("S") {
                    broken
                    Output("O", value: .reference(Reference(to: broken, form: .getAtt("Arn"))))
                }
            })
        #expect(error?.code == .invalidReference)
    }

    @Test func aReferenceToAMissingElementIsDangling() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        let error = synthesisError(
            App {
                Stack("S") {
                    queue
                    Output("O", value: .reference(Reference(to: queue, element: ["Resource"], form: .ref)))
                }
            })
        #expect(error?.code == .danglingReference)
        #expect(error?.paths == ["S/O", "S/Queue"])
    }

    @Test func invalidStackNamesAndIdsAreRejected() {
        #expect(synthesisError(App { Stack("1bad") {} })?.code == .invalidStack)
        #expect(
            synthesisError(
                App {
                    Stack("S") {}
                    Stack("S") {}
                })?.code == .invalidStack)
        #expect(synthesisError(App { Stack("S") { Resource("a/b", type: "T") } })?.code == .invalidId)
    }

    @Test func builderSupportsConditionalsAndLoops() throws {
        let withAlarm = false
        let template = try synthesize {
            for index in 1...3 { Resource("Queue\(index)", type: "AWS::SQS::Queue") }
            if withAlarm { Resource("Alarm", type: "AWS::CloudWatch::Alarm") } else { Resource("NoAlarm", type: "AWS::SNS::Topic") }
        }
        #expect(template.resources.keys.elements == ["Queue1", "Queue2", "Queue3", "NoAlarm"])
    }
}

/// Lets a test depend on a plain group, as an L2 construct's dependents do.
private struct GroupHandle: IdentifiedConstruct {
    let group: Group
    let identity = ConstructIdentity()
    var id: String { group.id }
    func expand(in scope: ConstructScope) throws(SynthesisError) { try group.expand(in: scope) }
}
