import Foundation
import FormworkFuzzTargets
import Testing

/// Replays every input kept in `Fuzz/Regressions/<target>/` (what the fuzzer found, and the crafted inputs of
/// issue #12) through its fuzz target: each must return, neither trapping nor changing data in a round trip.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/Regressions").standardizedFileURL

    static var inputs: [String] {
        FuzzTarget.allCases.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path)) ?? [])
                .sorted().map { "\(target.rawValue)/\($0)" }
        }
    }

    @Test func everyTargetHasKeptInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs.contains { $0.hasPrefix("\(target.rawValue)/") }, "no input kept for \(target.rawValue)")
        }
    }

    @Test(arguments: inputs)
    func fuzzRegressionsRunClean(input: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(input.prefix { $0 != "/" })))
        target.run(Array(try Data(contentsOf: Self.folder.appendingPathComponent(input))))
    }
}
