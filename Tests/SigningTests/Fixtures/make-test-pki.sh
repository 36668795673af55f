#!/bin/bash
# Makes the signing tests' certificates with the openssl CLI, in the folder given (made anew):
# a root CA and an intermediate CA; RSA and P-256 signers (Thai names, UTF8String) under the
# intermediate; an expired one, one not yet valid, one whose key usage excludes signing; .p12
# files with a password (AES, and a legacy RC2/3DES one); a time-stamp authority and its
# `openssl ts` configuration. Nothing here is kept between runs.
set -euo pipefail
dir=$1
rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
mkdir db; touch db/index.txt; echo 1000 > db/serial
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = test
[ test ]
dir = .
database = db/index.txt
serial = db/serial
new_certs_dir = db
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ any ]
commonName = supplied
organizationName = optional
countryName = optional
[ req ]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[ dn ]
CN = placeholder
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ signer_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ nosign_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, keyEncipherment
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
q() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }
# $1 name, $2 subject, $3 issuer, $4 extension, $5 key type, then openssl ca's date options.
issue() {
  local name=$1 subj=$2 issuer=$3 ext=$4 type=$5; shift 5
  if [ "$type" = ec ]; then q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$name.key"
  else q openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name.key"; fi
  q openssl req -new -config ca.cnf -utf8 -subj "$subj" -key "$name.key" -out "$name.csr"
  if [ "$issuer" = self ]; then
    q openssl ca -batch -config ca.cnf -selfsign -keyfile "$name.key" -extensions "$ext" -utf8 -in "$name.csr" -out "$name.pem" -notext "$@"
  else
    q openssl ca -batch -config ca.cnf -cert "$issuer.pem" -keyfile "$issuer.key" -extensions "$ext" -utf8 -in "$name.csr" -out "$name.pem" -notext "$@"
  fi
}
now=(-days 3650)
issue ca "/C=TH/O=Saraban Test/CN=Saraban Test Root CA" self ca_ext rsa "${now[@]}"
issue inter "/C=TH/O=Saraban Test/CN=Saraban Test Signing CA" ca ca_ext rsa "${now[@]}"
issue rsa "/C=TH/O=องค์การบริหารส่วนตำบลหินเหล็กไฟ/CN=นายสมศักดิ์ ใจซื่อตรง" inter signer_ext rsa "${now[@]}"
issue ec "/C=TH/O=องค์การบริหารส่วนตำบลหินเหล็กไฟ/CN=นางสาวสมหญิง รักษ์ไทย" inter signer_ext ec "${now[@]}"
issue expired "/C=TH/CN=นายหมดอายุ ทดสอบ" inter signer_ext rsa -startdate 20200101000000Z -enddate 20210101000000Z
issue future "/C=TH/CN=นายยังไม่ถึง ทดสอบ" inter signer_ext rsa -startdate 20990101000000Z -enddate 21000101000000Z
issue nosign "/C=TH/CN=นายเข้ารหัส ทดสอบ" inter nosign_ext rsa "${now[@]}"
issue tsa "/C=TH/O=Saraban Test/CN=Saraban Test TSA" ca tsa_ext rsa "${now[@]}"
cat inter.pem > chain.pem
q openssl pkcs12 -export -inkey rsa.key -in rsa.pem -certfile chain.pem -passout pass:รหัสลับ123 -out rsa.p12
q openssl pkcs12 -export -legacy -inkey ec.key -in ec.pem -certfile chain.pem -passout pass:legacy-pass -out ec-legacy.p12
cat > tsa.cnf <<'CNF'
[ tsa ]
default_tsa = test_tsa
[ test_tsa ]
dir = .
serial = db/tsaserial
signer_cert = tsa.pem
certs = ca.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
echo 01 > db/tsaserial
rm -f ./*.csr
echo "test PKI in $dir"
