import Foundation

/// Tagged PDF (PDF/UA): the signature widget gets a Form structure element of its own, under
/// the document's top element, found again through the parent tree by the widget's
/// /StructParent. Untagged files (no /StructTreeRoot) are left as they are. Done for a file's
/// first signature only (see `PDFSigner.sign`): a later one would change the tree the earlier
/// signature covers, which pyHanko refuses.
extension PDFSigner {
    /// Adds the Form element for `widget`; returns the widget's /StructParent key, nil when untagged.
    static func tagWidget(_ widget: Int, page: Int, label: String, file: PDFFile, into update: inout IncrementalUpdate) throws -> Int? {
        let catalog = try file.catalog().dictionary
        guard let rootNumber = catalog["StructTreeRoot"]?.asReference, var root = try file.dictionary(.reference(rootNumber, 0)) else { return nil }
        let parent = try topElement(root, file: file)
        let form = update.reserve()
        var element = PDFDictionary()
        element["Type"] = .name("StructElem")
        element["S"] = .name("Form")
        element["P"] = .reference(parent?.number ?? rootNumber, 0)
        element["Pg"] = .reference(page, 0)
        element["K"] = .dictionary(PDFDictionary([("Type", .name("OBJR")), ("Obj", .reference(widget, 0)), ("Pg", .reference(page, 0))]))
        element["Alt"] = .text(label)
        update.set(form, .dictionary(element))
        if let parent {
            var d = parent.dictionary
            d["K"] = .array(kids(d["K"]) + [.reference(form, 0)])
            update.set(parent.number, .dictionary(d))
        } else {
            root["K"] = .array(kids(root["K"]) + [.reference(form, 0)])
        }
        let key = try addToParentTree(form, root: &root, file: file, into: &update)
        update.set(rootNumber, .dictionary(root))
        return key
    }

    /// The structure tree's one top element (Document), when the root has exactly one.
    static func topElement(_ root: PDFDictionary, file: PDFFile) throws -> (number: Int, dictionary: PDFDictionary)? {
        let k = kids(root["K"]).compactMap(\.asReference)
        guard k.count == 1, let d = try file.dictionary(.reference(k[0], 0)), d["S"] != nil else { return nil }
        return (k[0], d)
    }

    /// A /K value as an array of kids.
    static func kids(_ k: PDFValue?) -> [PDFValue] {
        switch k {
        case nil, .null?: return []
        case .array(let a)?: return a
        case let v?: return [v]
        }
    }

    /// Puts `form` into the parent tree under the next free key (its flat /Nums, or a new leaf
    /// after its /Kids) and advances /ParentTreeNextKey.
    static func addToParentTree(_ form: Int, root: inout PDFDictionary, file: PDFFile, into update: inout IncrementalUpdate) throws -> Int {
        let treeNumber = root["ParentTree"]?.asReference
        var tree = try file.dictionary(root["ParentTree"]) ?? PDFDictionary()
        var key = root["ParentTreeNextKey"]?.asInt ?? 0
        for pair in stride(from: 0, to: tree["Nums"]?.asArray?.count ?? 0, by: 2) {
            key = max(key, (tree["Nums"]?.asArray?[pair].asInt ?? -1) + 1)
        }
        if var kidsOfTree = tree["Kids"]?.asArray {
            let leaf = update.reserve()
            update.set(leaf, .dictionary(PDFDictionary([("Limits", .array([.integer(key), .integer(key)])),
                                                        ("Nums", .array([.integer(key), .reference(form, 0)]))])))
            kidsOfTree.append(.reference(leaf, 0))
            tree["Kids"] = .array(kidsOfTree)
        } else {
            tree["Nums"] = .array((tree["Nums"]?.asArray ?? []) + [.integer(key), .reference(form, 0)])
        }
        if let treeNumber { update.set(treeNumber, .dictionary(tree)) } else { root["ParentTree"] = .dictionary(tree) }
        root["ParentTreeNextKey"] = .integer(key + 1)
        return key
    }
}
