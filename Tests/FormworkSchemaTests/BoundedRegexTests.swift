import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

/// The linear-time matcher: the same verdicts as a backtracking engine on the patterns templates hold, and
/// an answer in linear time on the patterns that make a backtracking engine run for ever.
@Suite struct BoundedRegexTests {
    static let patterns = [
        "^[a-zA-Z][-a-zA-Z0-9]*$", "[0-9]+", "\\d{1,3}(\\.\\d{1,3}){3}", "(dev|test|prod)", "^arn:aws[a-z-]*:iam::\\d{12}:role/.+$",
        "[^,]*", "a{2,}b?", "(?:ab|cd)*e", "\\w+@\\w+\\.com", "[\\p{L}\\p{N}_.:/=+\\-@]*", "x{0,2}y{3}", "^$", "(a|ab)(c|bcd)(d*)",
        "[a-z]{3,5}-[0-9]{2}", "\\S+\\s\\S+", "[.]\\*", "(a*)*b",
    ]
    static let inputs = [
        "", "a", "ab", "abc", "abcd", "abcde", "dev", "prod", "10.0.0.1", "1.2.3", "a,b", "aab", "aaaab", "xxyyy", "yyy",
        "arn:aws:iam::123456789012:role/x", "me@host.com", "abc-12", "abcdef-12", "two words", ".*", "b", "ü_ö:1",
    ]

    @Test(arguments: patterns)
    func verdictsAgreeWithABacktrackingEngine(pattern: String) throws {
        let bounded = try #require(BoundedRegex(pattern))
        let reference = try NSRegularExpression(pattern: pattern)
        let anchored = try NSRegularExpression(pattern: "^(?:\(pattern))$")
        for input in Self.inputs {
            let range = NSRange(input.startIndex..., in: input)
            #expect(bounded.wholeMatch(input) == (anchored.firstMatch(in: input, range: range) != nil), "whole match of '\(pattern)' on '\(input)'")
            #expect(bounded.firstMatch(input) == (reference.firstMatch(in: input, range: range) != nil), "first match of '\(pattern)' on '\(input)'")
        }
    }

    @Test(arguments: ["(a\\1)", "(?=a)", "(?<name>a)", "\\bword", "[a-[b]]", "a{2000}", "((((a){1,1000}){1,1000}){1,1000})", "(", "a)", "[z-a]"])
    func patternsOutsideTheLinearSubsetAreRefused(pattern: String) {
        #expect(BoundedRegex(pattern) == nil)
    }

    @Test func aMatchOverTheStepBudgetIsNotMade() throws {
        let large = try #require(BoundedRegex("(a|b|c|d){1,1000}"))
        #expect(large.fitsBudget(String(repeating: "a", count: 1_000)))
        #expect(!large.fitsBudget(String(repeating: "a", count: 1_000_000)))
    }

    @Test func aCatastrophicAllowedPatternIsDecidedInLinearTime() throws {
        // 157 bytes that make a backtracking engine run for ever on a default of 60 characters.
        let pattern = "^(" + Array(repeating: "(a|aa)+", count: 20).joined() + ")+$"
        let value = String(repeating: "a", count: 60) + "b"
        let json =
            #"{"Parameters": {"P": {"Type": "String", "Default": "\#(value)", "AllowedPattern": "\#(pattern)"}}, "Resources": {"T": {"Type": "AWS::SNS::Topic"}}}"#
        let started = Date()
        let issues = TemplateValidator().validate(try Template.parse(json, format: .json))
        #expect(issues.contains { $0.message.contains("does not match the allowed pattern") })
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
