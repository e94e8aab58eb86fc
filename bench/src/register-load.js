// Load for benchmark 1: POST /api/v1/participants through autocannon's API, each request with a
// customer number of its own (the autocannon CLI's [<id>] holds '_' and is too long for the contract).
//   node src/register-load.js <url> <token> <connections> <seconds> [overallRate]  -> autocannon result JSON on stdout
'use strict'
const autocannon = require('autocannon')
const [url, token, connections, seconds, rate] = process.argv.slice(2)
const prefix = 'AC' + Date.now().toString(36).toUpperCase()
let n = 0
const opts = {
  url,
  connections: Number(connections),
  duration: Number(seconds),
  method: 'POST',
  headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
  requests: [{
    setupRequest: (req) => {
      n++
      req.body = JSON.stringify({
        jobcenterId: 'herne', customerNumber: `${prefix}-${n}`, firstName: 'Erika', lastName: 'Mustermann',
        dateOfBirth: '1980-05-01', gender: ['FEMALE', 'MALE', 'DIVERSE'][n % 3], customerType: n % 2 ? 'NEW' : 'EXISTING',
        labourMarketDistance: n % 4 ? 'CLOSE' : 'DISTANT', vocationalQualification: n % 3 !== 0
      })
      return req
    }
  }]
}
if (rate) opts.overallRate = Number(rate)
autocannon(opts, (err, result) => {
  if (err) { console.error(err); process.exit(1) }
  process.stdout.write(JSON.stringify(result))
})
