// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Akkoord",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AkkoordCore", targets: ["AkkoordCore"]),
        .executable(name: "akkoord", targets: ["akkoord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "AkkoordCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "akkoord",
            dependencies: [
                "AkkoordCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AkkoordCoreTests",
            dependencies: ["AkkoordCore", "akkoord"],
            resources: [.copy("Resources")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
