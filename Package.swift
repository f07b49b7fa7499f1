// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Formwork",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Formwork", targets: ["Formwork"]),
        .library(name: "FormworkTesting", targets: ["FormworkTesting"]),
        .executable(name: "formwork", targets: ["formwork"]),
        .executable(name: "shop", targets: ["Shop"]),
        .executable(name: "patterns", targets: ["Patterns"]),
        .executable(name: "scale", targets: ["Scale"]),
        .executable(name: "inputs", targets: ["Inputs"]),
        .executable(name: "formwork-fuzz", targets: ["FormworkFuzz"]),
        .plugin(name: "FormworkPlugin", targets: ["FormworkPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "FormworkTemplate",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "FormworkSchema",
            dependencies: ["FormworkTemplate"]
        ),
        .target(name: "CFormworkCurl", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "FormworkCloud",
            dependencies: ["CFormworkCurl", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "FormworkDeploy",
            dependencies: [
                "FormworkCloud", "FormworkCore", "FormworkDiff", "FormworkTemplate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FormworkDiff",
            dependencies: [
                "FormworkTemplate",
                "FormworkSchema",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FormworkChecks",
            dependencies: ["FormworkCore", "FormworkSchema", "FormworkTemplate", .product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .target(name: "CFormworkFileSystem"),
        .target(
            name: "FormworkCore",
            dependencies: [
                "CFormworkFileSystem",
                "FormworkTemplate",
                "FormworkSchema",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FormworkL1",
            dependencies: [
                "FormworkCore",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FormworkAWS",
            dependencies: [
                "FormworkCore",
                "FormworkL1",
                "FormworkTemplate",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(name: "CFormworkMalloc"),
        .target(
            name: "FormworkCLI",
            dependencies: [
                "CFormworkMalloc",
                "FormworkCloud",
                "FormworkDeploy",
                "FormworkCore",
                "FormworkChecks",
                "FormworkDiff",
                "FormworkSchema",
                "FormworkTemplate",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "Formwork",
            dependencies: [
                "FormworkTemplate", "FormworkSchema", "FormworkCore", "FormworkL1", "FormworkAWS", "FormworkDiff", "FormworkChecks", "FormworkCLI",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FormworkTesting",
            dependencies: [
                "FormworkTemplate", "FormworkSchema", "FormworkCore", "FormworkDiff", "FormworkChecks",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .plugin(
            name: "FormworkPlugin",
            capability: .command(
                intent: .custom(verb: "formwork", description: "Synthesize or list the app's stacks: formwork synth|list [--product NAME]"),
                permissions: [.writeToPackageDirectory(reason: "synth writes the cloud assembly (formwork.out/) into the package")]
            )
        ),
        .executableTarget(
            name: "formwork",
            dependencies: ["FormworkCLI"]
        ),
        .executableTarget(
            name: "Shop",
            dependencies: ["Formwork"],
            path: "Examples/Shop",
            exclude: ["handlers"]
        ),
        .executableTarget(
            name: "Patterns",
            dependencies: ["Formwork"],
            path: "Examples/Patterns"
        ),
        .executableTarget(
            name: "Scale",
            dependencies: ["Formwork"],
            path: "Benchmarks/Scale"
        ),
        .executableTarget(
            name: "Inputs",
            dependencies: ["Formwork"],
            path: "Benchmarks/Inputs"
        ),
        .target(
            name: "FormworkFuzzTargets",
            dependencies: ["FormworkChecks", "FormworkCloud", "FormworkDiff", "FormworkSchema", "FormworkTemplate"],
            path: "Fuzz/FormworkFuzzTargets"
        ),
        .executableTarget(name: "FormworkFuzz", dependencies: ["FormworkFuzzTargets"], path: "Fuzz/FormworkFuzz"),
        .target(
            name: "FormworkTestSupport",
            dependencies: [
                "FormworkTemplate",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/FormworkTestSupport"
        ),
        .testTarget(
            name: "FormworkTestingTests",
            dependencies: ["FormworkTesting", "Formwork"]
        ),
        .testTarget(
            name: "ShopTests",
            dependencies: ["Shop", "FormworkTesting"],
            path: "Examples/ShopTests",
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "FormworkTemplateTests",
            dependencies: [
                "FormworkFuzzTargets", "FormworkTemplate", "FormworkTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkSchemaTests",
            dependencies: ["FormworkSchema", "FormworkTemplate", "FormworkTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkDiffTests",
            dependencies: ["FormworkDiff", "FormworkTemplate", "FormworkTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkChecksTests",
            dependencies: ["FormworkChecks", "FormworkCore", "FormworkTemplate", .product(name: "OrderedCollections", package: "swift-collections")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkCoreTests",
            dependencies: [
                "FormworkCore", "FormworkTemplate", "FormworkTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkAWSTests",
            dependencies: ["FormworkAWS", "FormworkCore", "FormworkL1", "FormworkTemplate", "Patterns"],
            exclude: ["LogRetentionHandler", "BucketNotificationsHandler"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkParityTests",
            dependencies: ["Formwork", "FormworkDiff", "FormworkTemplate", "FormworkTestSupport", "Patterns"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkCloudTests",
            dependencies: [
                "Formwork", "FormworkCloud", "FormworkCLI", "FormworkCore", "FormworkDeploy", "FormworkDiff", "FormworkTemplate", "FormworkTestSupport", "Shop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["HostileEndpoint", "FaultProxy", "LocalAWS"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormworkCLITests",
            dependencies: ["FormworkCLI", "FormworkCore", "FormworkTemplate", "FormworkTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
