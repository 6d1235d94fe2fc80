// Power loss at every step (docs/vault-format.md, "Writing"): the
// CrashSimulatingFileSystem drops every write and every folder change not yet
// made durable, at each changing call of an operation in turn. After each
// "reboot" the vault opens, verify is clean (or names what it repaired), and
// what was reported done is there.

#include "VaultTestSupport.h"

#include "kartbok/vault/FileSystem.h"

#include <sys/stat.h>
#include <utime.h>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

const char* kBo = "bo's long password";
const char* kNew = "anna's new password";

/// A vault with one case saved twice (so a .bak exists) and a second user.
struct Template {
    TempDir tmp;
    fs::path dir = tmp / "vault";
    std::string id;
    Template() {
        Vault v = NewVault(tmp);
        id = v.CreateCase(kCode).id;
        v.SaveCase(RichCase(id, kCode, 2));
        journal::Case c = v.LoadCase(id);
        c.contact = "second save";
        v.SaveCase(c);
        v.AddSlot("bo", kBo, KdfLimits::Minimum());
    }
};

/// After a reboot every lock file is old: its holder is gone.
void AgeLocks(const fs::path& dir) {
    for (const auto& f : fs::directory_iterator(dir)) {
        const std::string n = f.path().filename().string();
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".lock") == 0) {
            struct utimbuf old {
                1000000000, 1000000000
            };
            ::utime(f.path().c_str(), &old);
        }
    }
}

/// Opens with whichever password the state allows (a password change may or may not have landed).
std::optional<Vault> OpenAny(const fs::path& dir) {
    for (const char* pw : {kPassword, kNew}) {
        try {
            return Vault::Open(dir, pw, "anna");
        } catch (const VaultError& e) {
            if (e.GetKind() != VaultError::Kind::WrongPassword)
                throw;
        }
    }
    return std::nullopt;
}

struct Op {
    const char* name;
    /// Runs the operation on an unlocked vault whose file system may die.
    std::function<void(Vault&, const std::string& id)> run;
    /// Checks the state after a reboot; done = the operation reported success.
    std::function<void(Vault&, const fs::path& dir, const std::string& id, bool done)> check;
};

std::vector<Op> CaseOperations() {
    return {
        {"save",
         [](Vault& v, const std::string& id) {
             journal::Case c = v.LoadCase(id);
             c.contact = "after the save";
             v.SaveCase(c);
         },
         [](Vault& v, const fs::path&, const std::string& id, bool done) {
             const std::string contact = v.LoadCase(id).contact;
             CHECK((contact == "after the save" || (!done && contact == "second save")));
         }},
        {"create", [](Vault& v, const std::string&) { v.CreateCase("NEW-1"); },
         [](Vault& v, const fs::path&, const std::string&, bool done) {
             bool there = false;
             for (const auto& s : v.ListCases())
                 there = there || s.code == "NEW-1";
             if (done)
                 CHECK(there);
         }},
        {"import",
         [](Vault& v, const std::string&) {
             journal::Case c = RichCase("11111111-2222-4333-8444-555555555555", "IMP-1", 3);
             v.AddCase(c);
         },
         [](Vault& v, const fs::path&, const std::string&, bool done) {
             bool there = false;
             for (const auto& s : v.ListCases())
                 there = there || s.code == "IMP-1";
             if (done || there)
                 CHECK(v.LoadCase("11111111-2222-4333-8444-555555555555") ==
                       RichCase("11111111-2222-4333-8444-555555555555", "IMP-1", 3));
         }},
        {"restore", [](Vault& v, const std::string& id) { v.RestorePrevious(id); },
         [](Vault& v, const fs::path&, const std::string& id, bool done) {
             const journal::Case c = v.LoadCase(id);
             CHECK((c.contact == RichCase(id, kCode, 2).contact ||
                    (!done && c.contact == "second save")));
         }},
        {"split",
         [](Vault& v, const std::string& id) {
             journal::Case source = v.LoadCase(id);
             journal::Case rel;
             rel.code = "REL-1";
             rel.sessions.push_back(source.sessions.back());
             source.sessions.pop_back();
             v.SplitCase(source, rel);
         },
         [](Vault& v, const fs::path&, const std::string& id, bool done) {
             const journal::Case c = v.LoadCase(id);
             bool there = false;
             for (const auto& s : v.ListCases())
                 there = there || s.code == "REL-1";
             if (c.sessions.size() == 1) // moved: then the relative's case has it
                 CHECK(there);
             if (done)
                 CHECK((there && c.sessions.size() == 1));
         }},
    };
}

std::vector<Op> KeyOperations() {
    return {
        {"passwd",
         [](Vault& v, const std::string&) {
             v.ChangePassword("anna", kPassword, kNew, KdfLimits::Minimum());
         },
         [](Vault& v, const fs::path& dir, const std::string&, bool done) {
             if (done)
                 CHECK(v.CheckPassword("anna", kNew));
             CHECK(Vault::Open(dir, kBo).User() == "bo");
         }},
        {"add-slot",
         [](Vault& v, const std::string&) {
             v.AddSlot("cecilia", "cecilia's password", KdfLimits::Minimum());
         },
         [](Vault& v, const fs::path&, const std::string&, bool done) {
             if (done)
                 CHECK(v.CheckPassword("cecilia", "cecilia's password"));
         }},
        {"remove-slot", [](Vault& v, const std::string&) { v.RemoveSlot("bo"); },
         [](Vault& v, const fs::path& dir, const std::string& id, bool done) {
             // An interrupted rotation is finished by repair.
             v.Repair();
             CHECK(v.Verify().ok);
             CHECK(v.LoadCase(id).contact == "second save");
             if (done)
                 ExpectVaultError(VaultError::Kind::WrongPassword, [&] { Vault::Open(dir, kBo); });
         }},
    };
}

std::vector<Op> Operations() {
    std::vector<Op> all = CaseOperations();
    for (auto& op : KeyOperations())
        all.push_back(std::move(op));
    return all;
}

} // namespace

TEST_CASE("power loss at every step of every change leaves a vault that opens and verifies",
          "[vault][powerloss]") {
    Template t;
    for (const Op& op : Operations()) {
        // A dry run counts the steps.
        int steps = 0;
        {
            TempDir run;
            fs::copy(t.dir, run / "v", fs::copy_options::recursive);
            Vault v = Vault::Open(run / "v", kPassword);
            auto sim = std::make_shared<CrashSimulatingFileSystem>(run / "v");
            v.SetFileSystem(sim);
            op.run(v, t.id);
            steps = sim->Calls();
        }
        INFO(op.name << ": " << steps << " steps");
        REQUIRE(steps > 3);
        for (int k = 1; k <= steps + 1; ++k) {
            INFO(op.name << " dies at step " << k);
            TempDir run;
            const fs::path dir = run / "v";
            fs::copy(t.dir, dir, fs::copy_options::recursive);
            bool done = false;
            {
                Vault v = Vault::Open(dir, kPassword);
                auto sim = std::make_shared<CrashSimulatingFileSystem>(dir, k);
                v.SetFileSystem(sim);
                try {
                    op.run(v, t.id);
                    done = !sim->Died();
                } catch (const VaultError&) {
                }
                sim->Crash(); // the power goes; the handle is gone with it
            }
            AgeLocks(dir);
            std::optional<Vault> v = OpenAny(dir);
            REQUIRE(v.has_value());
            CHECK(v->IntegrityProblems().empty());
            for (const auto& p : v->IntegrityProblems())
                UNSCOPED_INFO(p);
            op.check(*v, dir, t.id, done);
            const VerifyReport r = v->Verify();
            for (const auto& p : r.problems)
                UNSCOPED_INFO(p);
            CHECK(r.ok);
        }
    }
}
