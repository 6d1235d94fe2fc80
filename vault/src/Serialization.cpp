// Non-intrusive Boost.Serialization of the whole case model (docs/architecture.md: the
// model headers stay free of Boost). Every struct is a versioned Boost object
// (BOOST_CLASS_VERSION 1); `version` is what the file says, so a later version
// can read fields conditionally and old files keep opening.
//
// Strings and sequences go through Text()/Seq() instead of Boost's own
// std::string / std::vector support: on load they check each length against
// the bytes still unread before allocating, and vectors grow one element at a
// time. Boost's own loaders resize to whatever count the input claims, which
// lets a hostile file ask for gigabytes (see DeserializeCase's contract).

#include "kartbok/journal/Episodes.h"
#include "kartbok/vault/CaseFile.h"
#include "kartbok/vault/Vault.h"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
// The reader below is a Boost text archive of its own type, so the archive's
// templates are instantiated here for it.
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/version.hpp>

#include <sodium.h>

#include <algorithm>
#include <istream>
#include <limits>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <type_traits>

namespace kartbok::vault {
namespace {

/// Get area over the input without copying it; lets the bounded loaders see
/// how many bytes are left.
class MemoryBuf final : public std::streambuf {
public:
    explicit MemoryBuf(const std::string& s) {
        char* b = const_cast<char*>(s.data()); // read-only use: we never write through it
        setg(b, b, b + s.size());
    }
    std::string_view Rest() const { return {gptr(), static_cast<std::size_t>(egptr() - gptr())}; }
    /// Copies the next n bytes into s and moves past them; false when fewer
    /// are left. One copy, where istream::read after a resize zero-fills first.
    bool TakeInto(std::string& s, std::size_t n) {
        if (n > static_cast<std::size_t>(egptr() - gptr()))
            return false;
        s.assign(gptr(), n);
        setg(eback(), gptr() + n, egptr());
        return true;
    }
};

/// The input of the DeserializeCase call running on this thread; null while
/// saving. Scoped by LoadScope, so nested or concurrent calls stay correct.
thread_local const MemoryBuf* t_input = nullptr;

struct LoadScope {
    explicit LoadScope(const MemoryBuf* buf) : m_prev(t_input) { t_input = buf; }
    ~LoadScope() { t_input = m_prev; }
    const MemoryBuf* m_prev;
};

struct Malformed {
    const char* what;
};

/// Boost's text archive format, read the way text_iarchive reads it except for
/// integers: those are parsed straight off the buffer rather than through
/// std::istream's sentry and locale, which cost more than decrypting the case.
/// Strict where istream is lenient: an integer out of its type's range, or a
/// negative one for an unsigned type, is an error, not a wrapped value.
class CaseIArchive : public boost::archive::text_iarchive_impl<CaseIArchive> {
public:
    CaseIArchive(std::istream& is, MemoryBuf& input)
        : text_iarchive_impl<CaseIArchive>(is, 0), m_input(input) {
        init();
    }

private:
    friend class boost::archive::detail::interface_iarchive<CaseIArchive>;
    friend class boost::archive::basic_text_iarchive<CaseIArchive>;
    friend class boost::archive::load_access;
    using text_iarchive_impl<CaseIArchive>::load;

    template <class T> void load(T& t) {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
            LoadInteger(t);
        else
            text_iarchive_impl<CaseIArchive>::load(t);
    }

    /// As Boost writes it: the length, one separator, the bytes.
    void load(std::string& s) {
        std::size_t size = 0;
        LoadInteger(size);
        if (is.rdbuf()->sbumpc() == std::char_traits<char>::eof() || !m_input.TakeInto(s, size))
            Fail();
    }

    [[noreturn]] static void Fail() {
        throw boost::archive::archive_exception(
            boost::archive::archive_exception::input_stream_error);
    }

    template <class T> void LoadInteger(T& t) {
        std::streambuf& in = *is.rdbuf();
        int c = in.sgetc();
        while (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
            c = in.snextc();
        const bool negative = c == '-';
        if (c == '-' || c == '+')
            c = in.snextc();
        constexpr auto kMax = std::numeric_limits<unsigned long long>::max();
        unsigned long long v = 0;
        int digits = 0;
        for (; c >= '0' && c <= '9'; c = in.snextc(), ++digits) {
            const auto d = static_cast<unsigned>(c - '0');
            if (v > (kMax - d) / 10)
                Fail();
            v = v * 10 + d;
        }
        if (digits == 0)
            Fail();
        using Limits = std::numeric_limits<T>;
        if constexpr (std::is_signed_v<T>) {
            const auto max = static_cast<unsigned long long>(Limits::max());
            if (v > max + (negative ? 1 : 0))
                Fail();
            // -(v - 1) - 1 stays in range for v == max + 1 (the lowest value).
            t = negative ? static_cast<T>(-static_cast<long long>(v - 1) - 1) : static_cast<T>(v);
        } else {
            if ((negative && v != 0) || v > static_cast<unsigned long long>(Limits::max()))
                Fail();
            t = static_cast<T>(v);
        }
    }

    MemoryBuf& m_input;
};

/// Peeks the next unsigned decimal number in the input without consuming it.
std::uint64_t PeekCount() {
    if (t_input == nullptr)
        throw Malformed{"no input"};
    std::string_view rest = t_input->Rest();
    std::size_t i = 0;
    while (i < rest.size() &&
           (rest[i] == ' ' || rest[i] == '\n' || rest[i] == '\t' || rest[i] == '\r'))
        ++i;
    std::uint64_t v = 0;
    int digits = 0;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && digits < 20) {
        v = v * 10 + static_cast<std::uint64_t>(rest[i] - '0');
        ++i;
        ++digits;
    }
    if (digits == 0 || digits >= 20)
        throw Malformed{"bad length"};
    return v;
}

std::size_t RemainingInput() {
    return t_input == nullptr ? 0 : t_input->Rest().size();
}

template <class Ar> void Text(Ar& ar, std::string& s) {
    if constexpr (Ar::is_loading::value) {
        if (PeekCount() > RemainingInput())
            throw Malformed{"a text is longer than the data"};
    }
    ar& s;
}

template <class Ar, class T> void Item(Ar& ar, T& v);

/// Reserving the claimed count up front saves the copies of growing, but a
/// count is only bounded by the input's length, so no more than this is trusted.
constexpr std::uint64_t kReserveAtMost = 1024;

template <class Ar, class T> void Seq(Ar& ar, std::vector<T>& v) {
    if constexpr (Ar::is_saving::value) {
        std::uint64_t n = v.size();
        ar << n;
        for (auto& e : v)
            Item(ar, e);
    } else {
        std::uint64_t n = 0;
        // Every element takes at least one byte of text, so a count above the
        // remaining input is a lie; checking it bounds both memory and time.
        if (PeekCount() > RemainingInput())
            throw Malformed{"a list is longer than the data"};
        ar >> n;
        v.clear();
        v.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(n, kReserveAtMost)));
        for (std::uint64_t i = 0; i < n; ++i) {
            T e{};
            Item(ar, e);
            v.push_back(std::move(e));
        }
    }
}

/// Enums travel as plain integers and are range-checked on load, so a damaged
/// value never becomes an enumerator the rest of the program cannot handle.
template <class Ar, class E> void Enum(Ar& ar, E& e, E last) {
    int v = static_cast<int>(e);
    ar& v;
    if constexpr (Ar::is_loading::value) {
        if (v < 0 || v > static_cast<int>(last))
            throw Malformed{"an enumeration value is out of range"};
        e = static_cast<E>(v);
    }
}

/// The version every class is written with today. Boost 1.74 no longer
/// refuses a class version newer than the program knows (the check is
/// compiled out in iserializer.hpp), so each serialize checks it itself.
constexpr unsigned kClassVersion = 1;

/// `known`: the newest version of this class (above kClassVersion for a class
/// that has changed since).
inline void CheckVersion(unsigned version, unsigned known = kClassVersion) {
    if (version > known)
        throw Malformed{"written by a newer version of Kartbok"};
}

template <class Ar> void Byte(Ar& ar, std::uint8_t& b) {
    unsigned v = b;
    ar& v;
    if constexpr (Ar::is_loading::value) {
        if (v > 0xFF)
            throw Malformed{"a byte value is out of range"};
        b = static_cast<std::uint8_t>(v);
    }
}

template <class Ar, class T> void Item(Ar& ar, T& v) {
    if constexpr (std::is_same_v<T, std::string>)
        Text(ar, v);
    else
        ar& v; // numbers, and structs as versioned Boost objects
}

} // namespace
} // namespace kartbok::vault

namespace boost::serialization {

using namespace kartbok;
using vault::Byte;
using vault::CheckVersion;
using vault::Enum;
using vault::Seq;
using vault::Text;

// Version 1 is the first format; `version` is read from the file.
// Family map version 2 (FuzzyDate, Person, UnionEvent, Union, ChildLink,
// Relation): before/after dates, cause of death, conditions in recovery,
// met/engaged events, consanguineous couples, dragged siblings, hostile
// relations. A version 1 file reads them as their defaults.

template <class Ar> void serialize(Ar& ar, genogram::FuzzyDate& d, const unsigned version) {
    CheckVersion(version, 2);
    Enum(ar, d.precision,
         version >= 2 ? genogram::DatePrecision::After : genogram::DatePrecision::Full);
    ar& d.year& d.month& d.day;
}

template <class Ar> void serialize(Ar& ar, genogram::Person& p, const unsigned version) {
    CheckVersion(version, 2);
    ar& p.id;
    Enum(ar, p.gender, genogram::Gender::Other);
    Enum(ar, p.kind, genogram::PersonKind::SignificantOther);
    Text(ar, p.givenNames);
    Text(ar, p.surname);
    ar& p.birth& p.death& p.deceased& p.isIndex& p.placeholder;
    Text(ar, p.occupation);
    Text(ar, p.place);
    Text(ar, p.note);
    Byte(ar, p.conditions);
    ar& p.nudgeX;
    if (version >= 2) {
        Text(ar, p.causeOfDeath);
        Byte(ar, p.recovering);
    }
}

template <class Ar> void serialize(Ar& ar, genogram::UnionEvent& e, const unsigned version) {
    CheckVersion(version, 2);
    Enum(ar, e.kind,
         version >= 2 ? genogram::UnionEventKind::Engaged : genogram::UnionEventKind::Reunited);
    ar& e.year;
}

template <class Ar> void serialize(Ar& ar, genogram::Union& u, const unsigned version) {
    CheckVersion(version, 2);
    ar& u.id& u.partnerA& u.partnerB;
    Enum(ar, u.kind, genogram::UnionKind::Affair);
    Seq(ar, u.events);
    ar& u.order;
    if (version >= 2)
        ar& u.consanguineous;
}

template <class Ar> void serialize(Ar& ar, genogram::ChildLink& c, const unsigned version) {
    CheckVersion(version, 2);
    ar& c.child& c.parents& c.singleParent;
    Enum(ar, c.kind, genogram::ChildKind::Step);
    ar& c.birthOrder& c.twinGroup;
    Enum(ar, c.twinKind, genogram::TwinKind::Identical);
    if (version >= 2)
        ar& c.pinnedPosition;
}

template <class Ar> void serialize(Ar& ar, genogram::Relation& r, const unsigned version) {
    CheckVersion(version, 2);
    ar& r.id& r.from& r.to;
    Enum(ar, r.kind,
         version >= 2 ? genogram::RelationKind::FusedHostile : genogram::RelationKind::Neglect);
    ar& r.directed;
    Text(ar, r.note);
}

template <class Ar> void serialize(Ar& ar, genogram::Household& h, const unsigned version) {
    CheckVersion(version);
    ar& h.id;
    Text(ar, h.label);
    Seq(ar, h.members);
    ar& h.fromYear& h.toYear;
}

template <class Ar> void serialize(Ar& ar, genogram::Family& f, const unsigned version) {
    CheckVersion(version);
    Seq(ar, f.people);
    Seq(ar, f.unions);
    Seq(ar, f.children);
    Seq(ar, f.relations);
    Seq(ar, f.households);
    ar& f.nextId;
}

template <class Ar> void serialize(Ar& ar, journal::Date& d, const unsigned version) {
    CheckVersion(version);
    ar& d.year& d.month& d.day;
}

template <class Ar> void serialize(Ar& ar, journal::NoteField& f, const unsigned version) {
    CheckVersion(version);
    Text(ar, f.id);
    Text(ar, f.text);
}

template <class Ar> void serialize(Ar& ar, journal::Addendum& a, const unsigned version) {
    CheckVersion(version);
    Text(ar, a.author);
    ar& a.time;
    Text(ar, a.text);
    Text(ar, a.reason);
    Text(ar, a.correctsField);
}

template <class Ar> void serialize(Ar& ar, journal::Session& s, const unsigned version) {
    CheckVersion(version);
    Text(ar, s.id);
    ar& s.start& s.minutes;
    Enum(ar, s.type, journal::SessionType::FollowUp);
    Seq(ar, s.participants);
    Text(ar, s.templateId);
    ar& s.templateVersion;
    Seq(ar, s.fields);
    Seq(ar, s.themes);
    Seq(ar, s.methods);
    Text(ar, s.nextSteps);
    ar& s.nextAppointment;
    Text(ar, s.author);
    ar& s.created& s.isSigned;
    Text(ar, s.signedBy);
    ar& s.signedAt;
    Seq(ar, s.addenda);
}

template <class Ar> void serialize(Ar& ar, journal::TopicEntry& t, const unsigned version) {
    CheckVersion(version);
    Text(ar, t.itemId);
    Enum(ar, t.state, journal::TopicState::Covered);
    Text(ar, t.note);
    Seq(ar, t.sessionIds);
    Seq(ar, t.people);
}

template <class Ar> void serialize(Ar& ar, journal::ChecklistRun& r, const unsigned version) {
    CheckVersion(version);
    Text(ar, r.templateId);
    ar& r.templateVersion;
    Seq(ar, r.entries);
}

template <class Ar> void serialize(Ar& ar, journal::FormAnswer& a, const unsigned version) {
    CheckVersion(version);
    Text(ar, a.itemId);
    Text(ar, a.value);
}

// Version 2 (episodes): the episode a form belongs to.
template <class Ar> void serialize(Ar& ar, journal::FormResponse& r, const unsigned version) {
    CheckVersion(version, 2);
    Text(ar, r.id);
    Text(ar, r.templateId);
    ar& r.templateVersion;
    Enum(ar, r.phase, journal::FormPhase::FollowUp);
    ar& r.date;
    Seq(ar, r.answers);
    if (version >= 2)
        ar& r.episode;
    else if constexpr (Ar::is_loading::value)
        r.episode = 1; // before episodes every form belonged to the first
}

template <class Ar> void serialize(Ar& ar, journal::Intake& in, const unsigned version) {
    CheckVersion(version);
    // Reasons travel as range-checked integers, like every enum here.
    std::vector<int> reasons;
    for (auto r : in.reasons)
        reasons.push_back(static_cast<int>(r));
    Seq(ar, reasons);
    if constexpr (Ar::is_loading::value) {
        in.reasons.clear();
        for (int r : reasons) {
            if (r < 0 || r > static_cast<int>(journal::SeekReason::Other))
                throw vault::Malformed{"an enumeration value is out of range"};
            in.reasons.push_back(static_cast<journal::SeekReason>(r));
        }
    }
    Enum(ar, in.referral, journal::ReferralRoute::Other);
}

template <class Ar> void serialize(Ar& ar, journal::FollowUp& f, const unsigned version) {
    CheckVersion(version);
    Text(ar, f.id);
    ar& f.due;
    Enum(ar, f.outcome, journal::FollowUpOutcome::NotReached);
    ar& f.outcomeDate;
    Text(ar, f.sessionId);
}

template <class Ar> void serialize(Ar& ar, journal::Episode& e, const unsigned version) {
    CheckVersion(version);
    Enum(ar, e.status, journal::CaseStatus::Archived);
    ar& e.firstContact& e.start& e.end& e.followUpMonths;
    ar& e.intake;
    Seq(ar, e.followUps);
}

// Version 2 (the clinical model): intake, follow-ups with outcomes, earlier
// episodes, and the content-free links between a relative's case and the
// index client's. A version 1 case gets its one follow-up from followUpDue
// and its status (journal::AdoptLegacyFollowUp).
template <class Ar> void serialize(Ar& ar, journal::Case& c, const unsigned version) {
    CheckVersion(version, 2);
    Text(ar, c.id);
    Text(ar, c.code);
    Text(ar, c.name);
    Text(ar, c.contact);
    Text(ar, c.reasonForContact);
    Enum(ar, c.status, journal::CaseStatus::Archived);
    ar& c.firstContact& c.start& c.end& c.followUpDue& c.followUpMonths;
    ar& c.family;
    Seq(ar, c.sessions);
    Seq(ar, c.checklists);
    Seq(ar, c.forms);
    if (version >= 2) {
        ar& c.intake;
        Seq(ar, c.followUps);
        Seq(ar, c.pastEpisodes);
        Text(ar, c.relativeOf);
        ar& c.relativePerson;
        Seq(ar, c.relativeCaseIds);
    } else if constexpr (Ar::is_loading::value) {
        journal::AdoptLegacyFollowUp(c);
    }
}

} // namespace boost::serialization

BOOST_CLASS_VERSION(kartbok::genogram::FuzzyDate, 2)
BOOST_CLASS_VERSION(kartbok::genogram::Person, 2)
BOOST_CLASS_VERSION(kartbok::genogram::UnionEvent, 2)
BOOST_CLASS_VERSION(kartbok::genogram::Union, 2)
BOOST_CLASS_VERSION(kartbok::genogram::ChildLink, 2)
BOOST_CLASS_VERSION(kartbok::genogram::Relation, 2)
BOOST_CLASS_VERSION(kartbok::genogram::Household, 1)
BOOST_CLASS_VERSION(kartbok::genogram::Family, 1)
BOOST_CLASS_VERSION(kartbok::journal::Date, 1)
BOOST_CLASS_VERSION(kartbok::journal::NoteField, 1)
BOOST_CLASS_VERSION(kartbok::journal::Addendum, 1)
BOOST_CLASS_VERSION(kartbok::journal::Session, 1)
BOOST_CLASS_VERSION(kartbok::journal::TopicEntry, 1)
BOOST_CLASS_VERSION(kartbok::journal::ChecklistRun, 1)
BOOST_CLASS_VERSION(kartbok::journal::FormAnswer, 1)
BOOST_CLASS_VERSION(kartbok::journal::FormResponse, 2)
BOOST_CLASS_VERSION(kartbok::journal::Intake, 1)
BOOST_CLASS_VERSION(kartbok::journal::FollowUp, 1)
BOOST_CLASS_VERSION(kartbok::journal::Episode, 1)
BOOST_CLASS_VERSION(kartbok::journal::Case, 2)

namespace kartbok::vault {

std::string SerializeCase(const journal::Case& c) {
    std::ostringstream os;
    {
        boost::archive::text_oarchive oa(os);
        oa << c;
    }
    return std::move(os).str();
}

journal::Case DeserializeCase(const std::string& text, const std::string& label) {
    auto damaged = [&](const std::string& why) {
        return VaultError(VaultError::Kind::Damaged, label + ": damaged (" + why + ")");
    };
    // Boost reads the archive signature as a length-prefixed string before any
    // of our bounded loaders run; a forged length there would make it allocate
    // whatever it claims. Only the exact signature text is accepted.
    static constexpr std::string_view kSignature = "22 serialization::archive ";
    if (std::string_view(text).substr(0, kSignature.size()) != kSignature)
        throw damaged("not a Kartbok case archive");
    MemoryBuf buf(text);
    LoadScope scope(&buf);
    journal::Case c;
    try {
        std::istream is(&buf);
        CaseIArchive ia(is, buf);
        ia >> c;
    } catch (const Malformed& m) {
        throw damaged(m.what);
    } catch (const boost::archive::archive_exception& e) {
        if (e.code == boost::archive::archive_exception::unsupported_version ||
            e.code == boost::archive::archive_exception::unsupported_class_version)
            throw damaged("written by a newer version of Kartbok");
        throw damaged("the case data is not readable");
    } catch (const std::bad_alloc&) {
        throw damaged("the case data asks for too much memory");
    } catch (const std::exception&) {
        throw damaged("the case data is not readable");
    }
    for (char ch : buf.Rest())
        if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t')
            throw damaged("unexpected data after the case");
    return c;
}

} // namespace kartbok::vault

template class boost::archive::basic_text_iarchive<kartbok::vault::CaseIArchive>;
template class boost::archive::text_iarchive_impl<kartbok::vault::CaseIArchive>;
template class boost::archive::detail::archive_serializer_map<kartbok::vault::CaseIArchive>;
