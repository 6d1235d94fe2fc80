// A client open on another computer (app, wx-free): never taken over by a
// local check; asked about only when that computer went silent past the
// timeout, and taken over only when the user agrees.

#include "DocumentFixture.h"

#include "model/CaseDocument.h"

#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>

using namespace kartbok;

namespace {

void RemoteLock(const std::filesystem::path& file, std::int64_t since) {
    std::ofstream(file) << "kartbok-lock 1\nuser=bo\nhost=mottagning-2.example\npid=4242\n"
                           "start=77\nprogram=kartbok\nsince="
                        << since << "\n";
}

} // namespace

TEST_CASE("another computer's lock is taken over only when silent past the timeout and the user "
          "agrees",
          "[app][lock]") {
    test::DocumentFixture f;
    const std::string id = f.doc->Id();
    f.doc.reset(); // releases our lock
    const auto lock = f.dir / (id + ".lock");
    int asked = 0;
    auto say = [&](bool answer) {
        return [&asked, answer](const std::string& holder) {
            ++asked;
            CHECK(holder.rfind("bo on host mottagning-2.example", 0) == 0);
            return answer;
        };
    };
    SECTION("active a minute ago: not asked, read-only") {
        RemoteLock(lock, std::time(nullptr) - 60);
        auto doc = app::CaseDocument::Open(*f.vault, id, say(true));
        CHECK(asked == 0);
        CHECK(doc->ReadOnly());
    }
    SECTION("silent for an hour, the user says no: read-only") {
        RemoteLock(lock, std::time(nullptr) - 3600);
        auto doc = app::CaseDocument::Open(*f.vault, id, say(false));
        CHECK(asked == 1);
        CHECK(doc->ReadOnly());
    }
    SECTION("silent for an hour, the user says yes: ours") {
        RemoteLock(lock, std::time(nullptr) - 3600);
        auto doc = app::CaseDocument::Open(*f.vault, id, say(true));
        CHECK(asked == 1);
        CHECK_FALSE(doc->ReadOnly());
        std::ifstream in(lock);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        CHECK(text.find("user=tester") != std::string::npos);
    }
    SECTION("without a question the CLI's default holds: never taken") {
        RemoteLock(lock, std::time(nullptr) - 3600);
        CHECK(app::CaseDocument::Open(*f.vault, id)->ReadOnly());
    }
}
