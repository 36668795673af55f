// swift-tools-version:6.0
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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libfontconfig-dev"])]),
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        .target(name: "CShims", dependencies: ["CPangoCairo", "CRsvg"], linkerSettings: [.linkedLibrary("z"), .linkedLibrary("deflate"), .linkedLibrary("harfbuzz-subset")]),
        .target(name: "ThaiText"),
        // OpenSSL's libcrypto (Debian's libssl-dev) and zlib, for Signing only.
        .target(name: "CSigning", linkerSettings: [.linkedLibrary("crypto"), .linkedLibrary("z")]),
        .target(name: "Signing", dependencies: ["CSigning"]),
        .target(name: "Typeset", dependencies: ["CPangoCairo", "CRsvg", "CShims", "ThaiText"]),
        .target(name: "Layout", dependencies: ["Typeset", "ThaiText"]),
        .target(name: "Documents", dependencies: ["Layout", "Typeset", "ThaiText", "Signing", "Yams",
                                                  .product(name: "SwiftCSV", package: "SwiftCSV"),
                                                  .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Batch", dependencies: ["Documents", "CShims", .product(name: "Mustache", package: "swift-mustache"), "Yams",
                                              .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .executableTarget(name: "saraban", dependencies: ["Batch", "Documents", "Signing", "CShims",
                                                          .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "ThaiTextTests", dependencies: ["ThaiText"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Typeset", "ThaiText"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Layout"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Documents", "Layout", "ThaiText", "Typeset", "CPangoCairo"], exclude: ["Fixtures"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch"]),
        .testTarget(name: "SigningTests", dependencies: ["Signing", "Documents"], exclude: ["Fixtures"]),
    ]
)
