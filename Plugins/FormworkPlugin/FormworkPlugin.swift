import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory formwork synth|list [ARGUMENTS...]`: builds the
/// package's app executable (the only executable product, or the one named by `--product`) and runs it with
/// the arguments, in the package directory.
@main
struct FormworkPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        let products = context.package.products.compactMap { $0 as? ExecutableProduct }
        let product: ExecutableProduct
        if let flag = arguments.firstIndex(of: "--product"), flag + 1 < arguments.count {
            let name = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
            guard let named = products.first(where: { $0.name == name }) else {
                throw PluginError("the package has no executable product named '\(name)'; it has \(products.map(\.name).joined(separator: ", "))")
            }
            product = named
        } else {
            guard products.count == 1, let only = products.first else {
                throw PluginError("name the app's executable with --product; the package has \(products.map(\.name).joined(separator: ", "))")
            }
            product = only
        }
        let build = try packageManager.build(.product(product.name), parameters: .init(configuration: .debug, echoLogs: true))
        guard build.succeeded, let executable = build.builtArtifacts.first(where: { $0.kind == .executable }) else {
            throw PluginError("building '\(product.name)' failed")
        }
        let process = Process()
        process.executableURL = executable.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw PluginError("'\(product.name) \(arguments.joined(separator: " "))' exited with status \(process.terminationStatus)")
        }
    }
}

/// A failure the plugin reports to `swift package`.
struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
