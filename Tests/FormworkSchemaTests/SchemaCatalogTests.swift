import Foundation
@testable import FormworkSchema
import FormworkTemplate
import Testing

/// The registry schemas are all compiled in: every type of the metadata has one, found by its index.
@Suite struct SchemaCatalogTests {
    @Test func everyRegistryTypeHasItsSchema() {
        let catalog = ResourceSchemaCatalog.shared
        #expect(catalog.typeNames.count == ResourceMetadataCatalog.shared.typeNames.count)
        for type in ["AWS::ACMPCA::Certificate", "AWS::EC2::VPC", "AWS::SQS::Queue", "AWS::QuickSight::Dashboard", catalog.typeNames.last!] {
            #expect(catalog[type] != nil, "\(type)")
        }
    }

    @Test func aTypeOutsideTheServerlessSetIsValidatedInFull() throws {
        let template = try Template(json: [
            "Resources": [
                "Vpc": [
                    "Type": "AWS::EC2::VPC",
                    "Properties": [
                        "CidrBlock": "10.0.0.0/16", "EnableDnsSupport": "maybe", "InstanceTenancy": "shared",
                    ],
                ]
            ]
        ])
        #expect(TemplateValidator().validate(template).map(\.rule) == ["wrong-type", "enum"])
    }
}

/// The runtime lifecycle, on fixed days.
@Suite struct LambdaRuntimeTests {
    static func day(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
            year: parts[0], month: parts[1], day: parts[2]
        ).date!
    }

    /// cfn-lint 1.58's schedule: deprecated 2026-04-30, creation blocked 2027-02-01, updates blocked 2027-03-03.
    @Test(arguments: [
        ("2025-01-01", LambdaRuntimes.Status.superseded(by: "nodejs24.x")), ("2026-05-01", .deprecated),
        ("2026-12-06", .deprecated), ("2027-02-15", .creationBlocked), ("2027-03-03", .updateBlocked),
    ])
    func nodejs20MovesThroughItsLifeOnItsDates(day: String, status: LambdaRuntimes.Status) {
        #expect(LambdaRuntimes.status(of: "nodejs20.x", on: Self.day(day)) == status)
    }

    /// The day a runtime's status is read on is the UTC date `Calendar` gives: every 11th day from 1600 to 2370
    /// (so every day of the month, and century years; before 1582 `Calendar` counts Julian days) and every day
    /// of 1998 to 2002 (2000-02-29 among them), each at the first and the last second.
    @Test func theDayOfADateIsItsGregorianDateInUTC() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let sampled = Array(stride(from: -135_140, through: 146_097, by: 11)) + Array(10_227..<12_053)
        for days in sampled {
            for second in [0.0, 86_399.5] {
                let date = Date(timeIntervalSince1970: Double(days) * 86_400 + second)
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
                guard LambdaRuntimes.day(of: date) == expected else {
                    Issue.record("\(date): \(LambdaRuntimes.day(of: date)), expected \(expected)")
                    return
                }
            }
        }
    }

    @Test func anUnknownRuntimeHasNoStatus() {
        #expect(LambdaRuntimes.status(of: "nodejs99.x") == nil)
    }
}
