// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Akkoord",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AkkoordCore", targets: ["AkkoordCore"]),
        .executable(name: "akkoord", targets: ["akkoord"]),
        .executable(name: "akkoord-bench", targets: ["akkoord-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .target(
            name: "AkkoordCore",
            dependencies: [
                // The loader composes from libyaml's events through `CYaml`, the libyaml that comes with Yams
                // (see docs/decisions.md, 16); depending on the Yams product is what makes that module available.
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What the command-line programs share: the exit-code contract and Dutch usage errors.
        .target(
            name: "AkkoordCommandLine",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The server behind `akkoord serve` (docs/serve.md); AkkoordCore itself does not depend on NIO.
        .target(
            name: "AkkoordServer",
            dependencies: [
                "AkkoordCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // Already built for Hummingbird; named for the request timer's channel handler.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(
            name: "akkoord",
            dependencies: [
                "AkkoordCore", "AkkoordCommandLine", "AkkoordServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "akkoord-bench",
            dependencies: [
                "AkkoordCore", "AkkoordCommandLine", .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "akkoord-fuzz",
            dependencies: ["AkkoordCore"]
        ),
        .testTarget(
            name: "AkkoordCoreTests",
            dependencies: [
                "AkkoordCore", "AkkoordServer", "akkoord",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
