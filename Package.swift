// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Saraban",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "saraban", targets: ["saraban"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // The service: no traits, so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libfontconfig-dev"])]),
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        .target(name: "CShims", dependencies: ["CPangoCairo", "CRsvg"], linkerSettings: [.linkedLibrary("z"), .linkedLibrary("harfbuzz-subset")]),
        .target(name: "ThaiText"),
        .target(name: "Typeset", dependencies: ["CPangoCairo", "CRsvg", "CShims", "ThaiText"]),
        .target(name: "Layout", dependencies: ["Typeset", "ThaiText"]),
        .target(name: "Documents", dependencies: ["Layout", "Typeset", "ThaiText", "Yams",
                                                  .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .target(name: "Batch", dependencies: ["Documents", "CShims", .product(name: "Mustache", package: "swift-mustache"), "Yams",
                                              .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .target(name: "Service", dependencies: ["Batch", "Documents", "Layout", "Typeset", "CShims",
                                                .product(name: "Hummingbird", package: "hummingbird"),
                                                .product(name: "Logging", package: "swift-log"),
                                                .product(name: "Metrics", package: "swift-metrics"),
                                                .product(name: "Prometheus", package: "swift-prometheus"),
                                                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                .product(name: "MultipartKit", package: "multipart-kit")]),
        .executableTarget(name: "saraban", dependencies: ["Service", "Batch", "Documents", "CShims",
                                                          .product(name: "Hummingbird", package: "hummingbird"),
                                                          .product(name: "Logging", package: "swift-log"),
                                                          .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "ThaiTextTests", dependencies: ["ThaiText"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Typeset", "ThaiText"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Layout"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Documents", "Layout", "ThaiText", "Typeset", "CPangoCairo"], exclude: ["Fixtures"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch"]),
        .testTarget(name: "ServiceTests", dependencies: ["Service", "Batch", "Documents"]),
    ]
)
