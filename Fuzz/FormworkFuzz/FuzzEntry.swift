// The fuzzing binary. Built by `Scripts/fuzz` with `-sanitize=fuzzer,address -D FUZZING`, libFuzzer's
// driver runs the target named by `FORMWORK_FUZZ_TARGET`. Built plainly (as
// `swift build` does), it replays files: `formwork-fuzz TARGET FILE...`.
import FormworkFuzzTargets
import Foundation

#if FUZZING
    /// The target of this run, read once from the environment.
    private let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FORMWORK_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set FORMWORK_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()

    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The executable's entry point (SwiftPM names it after the module): hands over to libFuzzer's driver.
    @_cdecl("FormworkFuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in
            target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
#else
    @main
    struct FuzzReplay {
        static func main() throws {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: formwork-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
                exit(2)
            }
            for file in arguments.dropFirst() {
                target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                print("\(file): ok")
            }
        }
    }
#endif
