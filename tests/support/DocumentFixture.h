#pragma once
// A case open in a CaseDocument over a fresh vault in a temporary folder: the
// app's document tests (tests/core/app) and its map-edit tests under Xvfb
// (tests/gui) start from the same client, KB-9, whose map is the scaffold
// around Anna.

#include "model/CaseDocument.h"

#include "kartbok/genogram/Scaffold.h"
#include "kartbok/vault/Vault.h"

#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace kartbok::test {

struct DocumentFixture {
    DocumentFixture() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("kartbok-doc-" + std::to_string(rd()));
        vault = std::make_unique<vault::Vault>(
            vault::Vault::Create(dir, "tester", "tester password 1", vault::KdfLimits::Minimum()));
        auto c = vault->CreateCase("KB-9");
        c.family = genogram::Scaffold("Anna", genogram::Gender::Woman);
        vault->SaveCase(c);
        doc = app::CaseDocument::Open(*vault, c.id);
    }
    ~DocumentFixture() {
        doc.reset();
        vault.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    DocumentFixture(const DocumentFixture&) = delete;
    DocumentFixture& operator=(const DocumentFixture&) = delete;

    std::filesystem::path dir;
    std::unique_ptr<vault::Vault> vault;
    std::unique_ptr<app::CaseDocument> doc;
};

} // namespace kartbok::test
