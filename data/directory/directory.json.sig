{"format":1,"algorithm":"ed25519","keyId":"46d02987aca7be10","signature":"VU+z7zcYoWKuj2l8nnhSbz62HL0Q7hD632D5U7hhRHbmRYOXMn0fE4EyXGsk0eHE5tPIrTWA+7NxtJRaMLjdBg=="}
