// The audit chain's building blocks: the canonical encoding of an entry byte for byte (docs/audit.md), the
// hash over it, the genesis, the checkpoint message, and Ed25519 signing against RFC 8032's vectors.

#include "audit/AuditChain.h"
#include "audit/AuditSigner.h"
#include "util/Crypto.h"
#include "util/JsonText.h"

#include <QtTest>

using tb::core::AuditChain;
using tb::core::AuditSigner;
namespace crypto = tb::core::crypto;

namespace {

QByteArray bytesOf(const AuditChain::Encoder& enc)
{
    return QByteArray(enc.data(), enc.size());
}

QByteArray hashOf(const AuditChain::Encoder& enc)
{
    AuditChain::Hash h;
    enc.finish(h.data());
    return QByteArray(reinterpret_cast<const char*>(h.data()), AuditChain::HashBytes);
}

// The hash of an entry given as (up to 13) field values after seq: null QVariant = NULL, qint64 = INTEGER,
// QString = TEXT; missing fields are NULL.
QByteArray entryHash(const QByteArray& prev, qint64 seq, const QVariantList& fields)
{
    AuditChain::Encoder enc;
    enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), seq);
    for (int i = 0; i < AuditChain::FieldCount; ++i) {
        const QVariant v = fields.value(i);
        if (v.isNull())
            enc.addNull();
        else if (v.typeId() == QMetaType::LongLong)
            enc.addInteger(v.toLongLong());
        else
            enc.addText(v.toString());
    }
    return hashOf(enc);
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void encodingIsExact();
    void textIsUtf8InPlace_data();
    void textIsUtf8InPlace();
    void encodingsThatMustDiffer_data();
    void encodingsThatMustDiffer();
    void bufferIsReusedAcrossEntries();
    void jsonTextIsBuiltInPlace_data();
    void jsonTextIsBuiltInPlace();
    void fieldsReadBackAsWritten();
    void entryHashedApartFromItsChain();
    void genesis();
    void checkpointMessageIsExact();
    void ed25519KnownAnswer();
    void signaturesBindEveryByte();
    void badKeysAndSeeds();
};

void TestAuditChain::encodingIsExact()
{
    // prev ‖ "TBA1" ‖ seq (8 bytes, big-endian) ‖ fields, each a type byte and its value: NULL 00;
    // INTEGER 01 + 8 bytes; REAL 02 + 8 bytes IEEE 754; TEXT 03 / BLOB 04 + 4-byte length + bytes.
    const QByteArray prev(32, '\x11');
    AuditChain::Encoder enc;
    enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 258);
    enc.addText(QStringLiteral("T"));
    enc.addText(QString(QLatin1String(""))); // empty, not NULL
    enc.addText(QString());                  // NULL
    enc.addText(QStringLiteral("é"));
    enc.addInteger(-2);
    enc.addReal(1.5);
    enc.addBlob("\x00\xff", 2);
    const QByteArray expected = prev
                                + QByteArray::fromHex("54424131"           // TBA1
                                                      "0000000000000102"   // seq 258
                                                      "030000000154"       // "T"
                                                      "0300000000"         // ""
                                                      "00"                 // NULL
                                                      "0300000002c3a9"     // "é" in UTF-8
                                                      "01fffffffffffffffe" // -2
                                                      "023ff8000000000000" // 1.5
                                                      "040000000200ff");   // blob 00 ff
    QCOMPARE(bytesOf(enc).toHex(), expected.toHex());
    // The entry hash is plain BLAKE2b-256 over exactly these bytes.
    QCOMPARE(hashOf(enc).toHex(), crypto::blake2b(expected).toHex());
}

void TestAuditChain::textIsUtf8InPlace_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << QStringLiteral("visit V3 of S-0001");
    QTest::newRow("long ascii") << QString(QLatin1String("x")).repeated(1000);
    QTest::newRow("non-ascii after a long ascii start") << QStringLiteral("abcdefgh wöchentlich");
    QTest::newRow("non-ascii first") << QStringLiteral("Ödem");
    QTest::newRow("emoji (surrogate pair)") << QStringLiteral("rash \U0001F4A9");
    QTest::newRow("CJK") << QStringLiteral("頭痛");
    QTest::newRow("broken surrogate") << (QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"));
    QTest::newRow("empty") << QString(QLatin1String(""));
}

void TestAuditChain::textIsUtf8InPlace()
{
    QFETCH(QString, text);
    const QByteArray prev(32, '\0');
    AuditChain::Encoder enc;
    enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 1);
    const AuditChain::Encoder::Span span = enc.addText(text);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(span.size, utf8.size());
    QCOMPARE(QByteArray(enc.data() + span.offset, span.size), utf8);
    // The length in front counts bytes, not characters.
    const QByteArray header = QByteArray(enc.data() + span.offset - 5, 5);
    const quint32 n = utf8.size();
    QCOMPARE(
        header.toHex(),
        (QByteArray("\x03") + QByteArray(1, char(n >> 24)) + char(n >> 16) + char(n >> 8) + char(n)).toHex());
}

void TestAuditChain::encodingsThatMustDiffer_data()
{
    QTest::addColumn<qint64>("seqA");
    QTest::addColumn<QVariantList>("a");
    QTest::addColumn<qint64>("seqB");
    QTest::addColumn<QVariantList>("b");
    const QVariant null;
    QTest::newRow("a boundary moved between two fields")
        << qint64(1) << QVariantList{QStringLiteral("ab"), QStringLiteral("c")} << qint64(1)
        << QVariantList{QStringLiteral("a"), QStringLiteral("bc")};
    QTest::newRow("NULL versus empty text")
        << qint64(1) << QVariantList{null} << qint64(1) << QVariantList{QString(QLatin1String(""))};
    QTest::newRow("integer versus text")
        << qint64(1) << QVariantList{qint64(5)} << qint64(1) << QVariantList{QStringLiteral("5")};
    QTest::newRow("a field moved to the next column") << qint64(1) << QVariantList{QStringLiteral("x"), null}
                                                      << qint64(1) << QVariantList{null, QStringLiteral("x")};
    QTest::newRow("the same entry at another seq")
        << qint64(7) << QVariantList{QStringLiteral("x")} << qint64(8) << QVariantList{QStringLiteral("x")};
    QTest::newRow("a length prefix forged into the text")
        << qint64(1) << QVariantList{QStringLiteral("a"), QStringLiteral("b")} << qint64(1)
        << QVariantList{QString::fromLatin1("a\x03\x00\x00\x00\x01"
                                            "b",
                                            7),
                        null};
}

void TestAuditChain::encodingsThatMustDiffer()
{
    QFETCH(qint64, seqA);
    QFETCH(QVariantList, a);
    QFETCH(qint64, seqB);
    QFETCH(QVariantList, b);
    const QByteArray prev(32, '\x42');
    QVERIFY(entryHash(prev, seqA, a) != entryHash(prev, seqB, b));
    // Deterministic: the same entry always hashes alike.
    QCOMPARE(entryHash(prev, seqA, a), entryHash(prev, seqA, a));
    // And the previous hash is part of it.
    QVERIFY(entryHash(prev, seqA, a) != entryHash(QByteArray(32, '\x43'), seqA, a));
}

void TestAuditChain::bufferIsReusedAcrossEntries()
{
    // A long entry, then a short one: the short one's bytes are exactly its own.
    const QByteArray prev(32, '\0');
    AuditChain::Encoder enc;
    enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 1);
    enc.addText(QString(QLatin1String("y")).repeated(5000));
    enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 2);
    enc.addText(QStringLiteral("z"));
    AuditChain::Encoder fresh;
    fresh.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 2);
    fresh.addText(QStringLiteral("z"));
    QCOMPARE(bytesOf(enc), bytesOf(fresh));
    QCOMPARE(hashOf(enc), hashOf(fresh));
}

void TestAuditChain::jsonTextIsBuiltInPlace_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("SCREENING");
    QTest::newRow("empty") << QString(QLatin1String(""));
    QTest::newRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ bye");
    QTest::newRow("control characters") << (QStringLiteral("a\nb\rc\td") + QChar(0x01) + QChar(0x1F));
    QTest::newRow("non-ascii between escapes") << QStringLiteral("\"Ödem\"\n頭痛 \U0001F4A9\t");
    QTest::newRow("broken surrogate") << (QStringLiteral("x") + QChar(0xDC00) + QStringLiteral("\""));
    QTest::newRow("long") << QStringLiteral("ab\"c").repeated(500);
}

void TestAuditChain::jsonTextIsBuiltInPlace()
{
    // A JSON image written into the buffer in pieces is the UTF-8 of what json::appendString builds.
    QFETCH(QString, value);
    QString expected = QStringLiteral("{");
    tb::core::json::appendString(expected, QStringLiteral("term"));
    expected += QLatin1Char(':');
    tb::core::json::appendString(expected, value);
    expected += QLatin1Char('}');

    AuditChain::Encoder enc;
    enc.clear();
    enc.addText(QStringLiteral("before"));
    const qsizetype opened = enc.openText();
    enc.appendAscii("{", 1);
    enc.appendJsonString(QStringLiteral("term"));
    enc.appendAscii(":", 1);
    enc.appendJsonString(value);
    enc.appendAscii("}", 1);
    const AuditChain::Encoder::Span span = enc.closeText(opened);
    enc.addText(QStringLiteral("after"));
    QCOMPARE(QByteArray(enc.data() + span.offset, span.size), expected.toUtf8());
    // Encoded like any text field: the same bytes as addText of the finished string.
    AuditChain::Encoder whole;
    whole.clear();
    whole.addText(QStringLiteral("before"));
    whole.addText(expected);
    whole.addText(QStringLiteral("after"));
    QCOMPARE(bytesOf(enc), bytesOf(whole));
}

void TestAuditChain::fieldsReadBackAsWritten()
{
    AuditChain::Encoder enc;
    enc.clear();
    enc.addText(QStringLiteral("Ödem"));
    enc.addNull();
    enc.addText(QString(QLatin1String("")));
    enc.addInteger(-42);
    enc.addReal(2.5);
    enc.addBlob("\x00\xff\x10", 3);
    enc.addInteger(Q_INT64_C(0x0102030405060708));
    const auto* p = reinterpret_cast<const unsigned char*>(enc.data());
    AuditChain::Field f;
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Text);
    QCOMPARE(QString::fromUtf8(f.data, f.size), QStringLiteral("Ödem"));
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Null);
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Text);
    QCOMPARE(f.size, 0);
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Integer);
    QCOMPARE(f.integer, -42);
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Real);
    QCOMPARE(f.real, 2.5);
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.type, AuditChain::Blob);
    QCOMPARE(QByteArray(f.data, f.size), QByteArray("\x00\xff\x10", 3));
    p = AuditChain::readField(p, &f);
    QCOMPARE(f.integer, Q_INT64_C(0x0102030405060708));
    QCOMPARE(reinterpret_cast<const char*>(p), enc.data() + enc.size());
}

void TestAuditChain::entryHashedApartFromItsChain()
{
    // Fields encoded on their own (the loader's producer thread) hash to what the full encoding hashes to.
    const QByteArray prev = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    auto addFields = [](AuditChain::Encoder& enc) {
        enc.addText(QStringLiteral("2026-12-02T10:00:00.000Z"));
        enc.addText(QStringLiteral("analyst"));
        enc.addText("insert", 6);
        enc.addText(QStringLiteral("visit"));
        enc.addText(QStringLiteral("{\"study_id\":\"S1\"}"));
        for (int i = 0; i < 5; ++i)
            enc.addNull();
        enc.addInteger(7);
        enc.addText(QStringLiteral("visits.csv:2"));
        enc.addNull();
    };
    AuditChain::Encoder full;
    full.begin(reinterpret_cast<const unsigned char*>(prev.constData()), 1234);
    addFields(full);
    AuditChain::Encoder apart;
    apart.clear();
    addFields(apart);
    AuditChain::Hash h;
    AuditChain::hashEntry(reinterpret_cast<const unsigned char*>(prev.constData()), 1234,
                          reinterpret_cast<const unsigned char*>(apart.data()), apart.size(), h.data());
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(h.data()), AuditChain::HashBytes), hashOf(full));
    // …and seq and prev still count.
    AuditChain::hashEntry(reinterpret_cast<const unsigned char*>(prev.constData()), 1235,
                          reinterpret_cast<const unsigned char*>(apart.data()), apart.size(), h.data());
    QVERIFY(QByteArray(reinterpret_cast<const char*>(h.data()), AuditChain::HashBytes) != hashOf(full));
}

void TestAuditChain::genesis()
{
    // BLAKE2b-256("trialbridge.audit.genesis/1" ‖ chain id (16 bytes) ‖ first seq (8 bytes, big-endian)).
    const QByteArray id = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
    const AuditChain::Hash g = AuditChain::genesis(id, 1);
    const QByteArray expected = crypto::blake2b(QByteArray("trialbridge.audit.genesis/1") + id
                                                + QByteArray::fromHex("0000000000000001"));
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(g.data()), 32).toHex(), expected.toHex());
    QVERIFY(AuditChain::genesis(id, 2) != g);
    QVERIFY(AuditChain::genesis(QByteArray::fromHex("ff0102030405060708090a0b0c0d0e0f"), 1) != g);
}

void TestAuditChain::checkpointMessageIsExact()
{
    const QByteArray id(16, '\x01'), head(32, '\x02'), key(32, '\x03');
    const QByteArray m = AuditChain::checkpointMessage(
        id, 3, 30000, head, QStringLiteral("2024-03-05T09:30:00Z"), 7, QStringLiteral("run_end"), key);
    const QByteArray expected = QByteArray("trialbridge.audit.checkpoint/1") + id
                                + QByteArray::fromHex("0000000000000003"
                                                      "0000000000007530")
                                + head + QByteArray::fromHex("00000014") + QByteArray("2024-03-05T09:30:00Z")
                                + QByteArray::fromHex("01"
                                                      "0000000000000007")
                                + QByteArray::fromHex("00000007") + QByteArray("run_end") + key;
    QCOMPARE(m.toHex(), expected.toHex());
    // No run: a NULL marker instead of the number.
    const QByteArray noRun = AuditChain::checkpointMessage(
        id, 3, 30000, head, QStringLiteral("2024-03-05T09:30:00Z"), 0, QStringLiteral("run_end"), key);
    QVERIFY(noRun.contains(QByteArray("2024-03-05T09:30:00Z") + '\x00' + QByteArray::fromHex("00000007")));
}

void TestAuditChain::ed25519KnownAnswer()
{
    // RFC 8032, section 7.1, TEST 2.
    const auto signer = AuditSigner::fromSeed(
        QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    QVERIFY(signer);
    QCOMPARE(signer->publicKey().toHex(),
             QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
    const QByteArray signature = signer->sign(QByteArray::fromHex("72"));
    QCOMPARE(signature.toHex(),
             QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
    QVERIFY(AuditSigner::verify(signer->publicKey(), QByteArray::fromHex("72"), signature));
    QCOMPARE(signer->keyId(), QString::fromLatin1(crypto::blake2b(signer->publicKey()).left(8).toHex()));
}

void TestAuditChain::signaturesBindEveryByte()
{
    const auto signer = AuditSigner::fromSeed(AuditSigner::newSeed());
    const auto other = AuditSigner::fromSeed(AuditSigner::newSeed());
    QVERIFY(signer && other);
    QVERIFY(signer->publicKey() != other->publicKey());
    const QByteArray message = AuditChain::checkpointMessage(QByteArray(16, 'c'), 1, 10, QByteArray(32, 'h'),
                                                             QStringLiteral("2024-03-05T09:30:00Z"), 1,
                                                             QStringLiteral("periodic"), signer->publicKey());
    const QByteArray signature = signer->sign(message);
    QVERIFY(AuditSigner::verify(signer->publicKey(), message, signature));
    for (int i = 0; i < message.size(); ++i) {
        QByteArray changed = message;
        changed[i] = char(changed[i] ^ 0x01);
        QVERIFY2(!AuditSigner::verify(signer->publicKey(), changed, signature),
                 qPrintable(QString::number(i)));
    }
    QByteArray forged = signature;
    forged[10] = char(forged[10] ^ 0x80);
    QVERIFY(!AuditSigner::verify(signer->publicKey(), message, forged));
    QVERIFY(!AuditSigner::verify(other->publicKey(), message, signature));
}

void TestAuditChain::badKeysAndSeeds()
{
    QVERIFY(!AuditSigner::fromSeed(QByteArray(31, 'x')));
    QVERIFY(!AuditSigner::fromSeed(QByteArray()));
    const auto signer = AuditSigner::fromSeed(QByteArray(32, 'x'));
    QVERIFY(signer);
    const QByteArray signature = signer->sign("m");
    QVERIFY(!AuditSigner::verify(signer->publicKey().left(31), "m", signature));
    QVERIFY(!AuditSigner::verify(signer->publicKey(), "m", signature.left(63)));
    QVERIFY(!AuditSigner::verify(QByteArray(), "m", QByteArray()));
    QCOMPARE(AuditSigner::newSeed().size(), AuditSigner::SeedBytes);
    QVERIFY(AuditSigner::newSeed() != AuditSigner::newSeed());
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
